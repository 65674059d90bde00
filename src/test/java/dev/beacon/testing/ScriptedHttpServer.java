package dev.beacon.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * An HTTP server on 127.0.0.1 that answers each connection with scripted bytes, for behaviour a real Beacon does not
 * show on demand: a stream that falls silent, a 401, a 503. Every request's head is recorded. An answer either
 * closes the connection after its bytes or keeps it open, silent, until the server is closed.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** What to send on a connection, and whether to close it afterwards. */
    public record Answer(String bytes, boolean close) {

        public static Answer closing(String bytes) {
            return new Answer(bytes, true);
        }

        public static Answer thenSilent(String bytes) {
            return new Answer(bytes, false);
        }

        /** An event-stream response head, followed by {@code body}. */
        public static String stream(String body) {
            return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                    + "Connection: close\r\n\r\n" + body;
        }

        /** A problem+json refusal. */
        public static String problem(int status, String detail) {
            String json = "{\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
            return "HTTP/1.1 " + status + " Refused\r\nContent-Type: application/problem+json\r\nContent-Length: "
                    + json.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + json;
        }
    }

    private final ServerSocket listener;
    private final IntFunction<Answer> script;
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-http");
        thread.setDaemon(true);
        return thread;
    });

    private ScriptedHttpServer(ServerSocket listener, IntFunction<Answer> script) {
        this.listener = listener;
        this.script = script;
        threads.execute(this::accept);
    }

    /** On a free port; {@code script} gets the connection's number, from 0. */
    public static ScriptedHttpServer start(IntFunction<Answer> script) {
        return on(0, script);
    }

    /** On a given port (one a client was already refused on). */
    public static ScriptedHttpServer on(int port, IntFunction<Answer> script) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new ScriptedHttpServer(listener, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The next request head (request line and headers), waiting up to {@code wait}; null when none came. */
    public String nextRequest(Duration wait) throws InterruptedException {
        return requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void accept() {
        for (int number = 0; !listener.isClosed(); number++) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                int connection = number;
                threads.execute(() -> answer(socket, connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket socket, int connection) {
        try {
            requests.add(readHead(socket.getInputStream()));
            Answer answer = script.apply(connection);
            socket.getOutputStream().write(answer.bytes.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            if (answer.close) {
                socket.close();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        threads.shutdownNow();
    }
}
