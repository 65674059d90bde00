package dev.beacon.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many SSE subscribers on one selector thread, so the client costs little CPU. Each connection de-chunks the
 * response and reads events just far enough to count them and take the publisher's {@code t=<nanoTime>} from the data
 * (both processes read the same monotonic clock on Linux).
 */
final class SseClients implements AutoCloseable {

    private final int port;
    private final Selector selector;
    private final Thread loop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
    final AtomicLong events = new AtomicLong();
    final AtomicLong opened = new AtomicLong();
    final AtomicLong closed = new AtomicLong();
    private final Histogram latencyMicros = new Histogram(60_000_000L, 3);
    private volatile boolean running = true;

    SseClients(int port) throws IOException {
        this.port = port;
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "bench-clients");
        loop.setDaemon(true);
        loop.start();
    }

    void connect(String pathAndQuery, int count) {
        byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            tasks.add(() -> open(request));
        }
        selector.wakeup();
    }

    /** Closes every connection. */
    void closeAll() {
        tasks.add(() -> {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
        });
        selector.wakeup();
    }

    synchronized Histogram latency() {
        return latencyMicros.copy();
    }

    synchronized void resetLatency() {
        latencyMicros.reset();
    }

    private void open(byte[] request) {
        try {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, new Connection());
        } catch (IOException e) {
            throw new IllegalStateException("Could not open a subscriber connection", e);
        }
    }

    private void run() {
        while (running) {
            try {
                selector.select(100);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    read(key);
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void read(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        try {
            buffer.clear();
            int n = ((SocketChannel) key.channel()).read(buffer);
            if (n < 0) {
                closeQuietly(key);
                return;
            }
            long now = System.nanoTime();
            buffer.flip();
            synchronized (this) {
                while (buffer.hasRemaining()) {
                    connection.accept(buffer.get(), now);
                }
            }
        } catch (IOException e) {
            closeQuietly(key);
        }
    }

    private void closeQuietly(SelectionKey key) {
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (key.attachment() != null) {
            key.attach(null);
            closed.incrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** One response: headers, then chunks, whose bytes are SSE lines. */
    private final class Connection {
        private int headerMatch;
        private boolean inHeaders = true;
        private long chunkLeft = -1;
        private long chunkSize;
        private int skipCrlf;
        private final StringBuilder line = new StringBuilder();
        private long publishedAt = -1;
        private boolean hasData;

        void accept(byte b, long now) {
            if (inHeaders) {
                headerMatch = (b == (headerMatch % 2 == 0 ? '\r' : '\n')) ? headerMatch + 1 : (b == '\r' ? 1 : 0);
                inHeaders = headerMatch < 4;
            } else if (skipCrlf > 0) {
                skipCrlf--;
            } else if (chunkLeft <= 0) {
                chunkSizeByte(b);
            } else {
                chunkLeft--;
                if (chunkLeft == 0) {
                    skipCrlf = 2;
                }
                sseByte(b, now);
            }
        }

        private void chunkSizeByte(byte b) {
            if (b == '\n') {
                chunkLeft = chunkSize;
                chunkSize = 0;
            } else if (b != '\r') {
                chunkSize = chunkSize * 16 + Character.digit(b, 16);
            }
        }

        private void sseByte(byte b, long now) {
            if (b != '\n') {
                if (line.length() < 32) {
                    line.append((char) b);
                }
                return;
            }
            if (line.length() == 0) {
                endOfBlock(now);
            } else if (line.charAt(0) == ':') {
                if (startsWith(line, ": beacon stream open")) {
                    opened.incrementAndGet();
                }
            } else if (startsWith(line, "data:")) {
                hasData = true;
                if (startsWith(line, "data: t=")) {
                    publishedAt = parseNanos(line);
                }
            }
            line.setLength(0);
        }

        private void endOfBlock(long now) {
            if (hasData) {
                events.incrementAndGet();
                if (publishedAt > 0) {
                    latencyMicros.recordValue(Math.max(0, Math.min((now - publishedAt) / 1000, 59_000_000L)));
                }
            }
            hasData = false;
            publishedAt = -1;
        }

        /** Without a String per line: the client shares the machine with the server it measures. */
        private static boolean startsWith(StringBuilder text, String prefix) {
            if (text.length() < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (text.charAt(i) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private long parseNanos(StringBuilder text) {
            long value = 0;
            for (int i = "data: t=".length(); i < text.length() && Character.isDigit(text.charAt(i)); i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }
    }
}
