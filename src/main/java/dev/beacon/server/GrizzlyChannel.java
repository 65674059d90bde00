package dev.beacon.server;

import dev.beacon.hub.SubscriberChannel;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.asyncqueue.WritableMessage;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The direct transport: the response head, then the hub's pre-framed bytes, go straight into the
 * connection's asynchronous write queue, as HTTP/1.1 chunks (or as they are, to an HTTP/1.0 client), past Grizzly's
 * HTTP layer and its per-write work. All frames of a write leave as one chunk in one socket write. It writes only while
 * the queue can take more, else it asks to be told, so no thread ever waits on a slow client.
 * <p>
 * The head leaves with the first write (the hub's opening comment), never before: the channel is handed to the hub
 * first, so a client that has the response head is already subscribed, and every event published after that reaches
 * it.
 */
final class GrizzlyChannel implements SubscriberChannel {

    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);
    private static final CompletionHandler<WriteResult<WritableMessage, SocketAddress>> NO_HANDLER = null;
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private final Connection<SocketAddress> connection;
    private final AsyncQueueWriter<SocketAddress> writer;
    private final MemoryManager memory;
    private final boolean chunked;
    private boolean closed;
    /** The response head until the first write or the end takes it along. */
    private byte[] head;

    /**
     * @param chunked HTTP/1.1's chunked coding; without it the stream ends with the connection
     * @param head    the response head, status line to blank line
     */
    @SuppressWarnings("unchecked")
    GrizzlyChannel(Connection<?> connection, boolean chunked, byte[] head) {
        this.connection = (Connection<SocketAddress>) connection;
        this.writer = (AsyncQueueWriter<SocketAddress>) connection.getTransport().getWriter(false);
        this.memory = connection.getMemoryManager();
        this.chunked = chunked;
        this.head = head;
    }

    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public synchronized CompletionStage<?> write(List<byte[]> frames) {
        if (closed || !connection.isOpen()) {
            return CompletableFuture.failedFuture(new IOException("Stream closed"));
        }
        if (writer.canWrite(connection)) {
            return writeNow(frames);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        writer.notifyWritePossible(connection, new WriteHandler() {
            @Override
            public void onWritePossible() {
                synchronized (GrizzlyChannel.this) {
                    writeNow(frames).whenComplete((ignored, failure) -> {
                        if (failure == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(failure);
                        }
                    });
                }
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /**
     * One HTTP/1.1 chunk for the whole write (RFC 9112, section 7.1: size in hex, CRLF, data, CRLF), each frame
     * followed by the blank line that ends it; the first write carries the response head in front of it.
     */
    private CompletionStage<?> writeNow(List<byte[]> frames) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("Stream closed"));
        }
        int size = 0;
        for (int i = 0; i < frames.size(); i++) { // indexed: no iterator per write on the hot path
            size += frames.get(i).length + 1;
        }
        int digits = chunked ? (35 - Integer.numberOfLeadingZeros(size)) / 4 : 0;
        int headLength = head == null ? 0 : head.length;
        byte[] chunk = new byte[headLength + (chunked ? digits + 2 + size + 2 : size)];
        int at = 0;
        if (head != null) {
            System.arraycopy(head, 0, chunk, 0, headLength);
            at = headLength;
            head = null;
        }
        if (chunked) {
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
                chunk[at++] = (byte) Character.forDigit((size >>> shift) & 0xF, 16);
            }
            chunk[at++] = '\r';
            chunk[at++] = '\n';
        }
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            System.arraycopy(frame, 0, chunk, at, frame.length);
            at += frame.length;
            chunk[at++] = '\n';
        }
        if (chunked) {
            chunk[at++] = '\r';
            chunk[at] = '\n';
        }
        return send(chunk);
    }

    private CompletionStage<?> send(byte[] bytes) {
        try {
            // Without a completion handler: no future per write. A failed write closes the connection, and its close
            // listener releases the subscriber.
            writer.write(connection, Buffers.wrap(memory, bytes), NO_HANDLER);
            return WRITTEN;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Ends the stream: the last chunk goes after what is queued, then the connection closes once that is written (a
     * client of a stream that ended opens a new connection to resume). A stalled client, which could never read the
     * rest, is cut off at once, so nothing of it is held until the write timeout.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!connection.isOpen()) {
            return;
        }
        if (!writer.canWrite(connection)) {
            connection.terminateSilently();
            return;
        }
        if (head != null) { // ended before anything was written: still a whole, empty response
            send(head);
            head = null;
        }
        if (chunked) {
            send(LAST_CHUNK);
        }
        connection.closeSilently();
    }
}
