package dev.beacon.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.beacon.testing.Http;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the jobs API of issue 3, as its contract describes it, serving the dashboard's static files beside
 * it: POST api/jobs answers 202 with the id, GET api/jobs/{id}/events streams the job's whole history then follows
 * it, DELETE api/jobs/{id} cancels. Every other path under api/ answers 404. Test-only: it lets the jobs panel be
 * tested in the browser before that API is merged.
 */
final class JobsApiStub implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final ScheduledExecutorService steps = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, StubJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    private JobsApiStub(HttpServer server) {
        this.server = server;
        server.createContext("/", this::serve);
        server.setExecutor(requests);
        server.start();
    }

    static JobsApiStub start() {
        try {
            return new JobsApiStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String[] parts = path.split("/");
            if (path.equals("/api/jobs") && method.equals("POST")) {
                create(exchange);
            } else if (parts.length == 5 && path.startsWith("/api/jobs/") && parts[4].equals("events")) {
                stream(exchange, jobs.get(parts[3]));
            } else if (parts.length == 4 && path.startsWith("/api/jobs/") && method.equals("DELETE")) {
                cancel(exchange, jobs.get(parts[3]));
            } else if (path.startsWith("/api/")) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                file(exchange, path.equals("/") ? "index.html" : path.substring(1));
            }
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        JsonObject request = Http.json(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String id = "job-" + nextId.getAndIncrement();
        StubJob job = new StubJob(request.getInt("total_epochs"), request.getInt("steps_per_epoch"));
        jobs.put(id, job);
        job.schedule(steps);
        exchange.getResponseHeaders().add("Location", "api/jobs/" + id);
        send(exchange, 202, "application/json", "{\"id\":\"" + id + "\"}");
    }

    private void cancel(HttpExchange exchange, StubJob job) throws IOException {
        if (job == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        job.cancel();
        exchange.sendResponseHeaders(202, -1);
    }

    /** The job's frames from the first, as they come, until its end. */
    private void stream(HttpExchange exchange, StubJob job) throws IOException {
        if (job == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        int sent = 0;
        try {
            while (true) {
                StubJob.Frames frames = job.after(sent);
                for (String frame : frames.frames()) {
                    body.write(frame.getBytes(StandardCharsets.UTF_8));
                }
                body.flush();
                sent += frames.frames().size();
                if (frames.ended()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The browser went away (a reload): nothing to release but this request.
        }
    }

    private void file(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("beacon-webapp/" + name)) {
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        steps.shutdownNow();
        jobs.values().forEach(StubJob::cancel);
        server.stop(0);
        requests.shutdownNow();
        try {
            requests.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
