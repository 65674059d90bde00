package dev.beacon.blackbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The upstream the relay polls: an HTTP server of the JDK on a free port of 127.0.0.1, in the test's JVM (inside the
 * same network namespace as the app servers). It answers {@code {"source":"bb-upstream","n":N}} with N counting the
 * polls, or the status a test asked for.
 */
final class LocalUpstream implements AutoCloseable {

    static final String SOURCE = "bb-upstream";
    private final HttpServer server;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicInteger status = new AtomicInteger(200);

    private LocalUpstream(HttpServer server) {
        this.server = server;
    }

    static LocalUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalUpstream upstream = new LocalUpstream(server);
            server.createContext("/data", upstream::answer);
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data");
    }

    /** From now on, answers with this status (200: the JSON above; anything else: an empty object). */
    void answerWith(int code) {
        status.set(code);
    }

    private void answer(HttpExchange exchange) throws IOException {
        int code = status.get();
        String json = code == 200 ? "{\"source\":\"" + SOURCE + "\",\"n\":" + polls.incrementAndGet() + "}" : "{}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
