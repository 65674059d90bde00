package dev.beacon.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Publishes over HTTP with the server's publish token, with a bounded number of requests in flight and a deadline,
 * past which it stops and says so. One in flight is a sequential publisher on one keep-alive connection written with
 * plain socket calls ({@link KeepAliveConnection}); more go through the JDK's {@code HttpClient}.
 */
final class HttpPublisher {

    private static final String PADDING = "x".repeat(80);
    private static final String HEADERS = "Authorization: Bearer " + ServerProcess.TOKEN
            + "\r\nContent-Type: text/plain\r\n";
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ServerProcess server;

    HttpPublisher(ServerProcess server) {
        this.server = server;
    }

    /** What a run of publishes did: {@code accepted} answered 201; {@code cut} when the deadline stopped it. */
    record Published(int accepted, int refused, double seconds, boolean cut) {

        double perSecond() {
            return accepted / seconds;
        }
    }

    /** Publishes up to {@code count} events as fast as they are accepted, the i-th to {@code topicOf(i)}. */
    Published publish(int count, int inFlight, IntFunction<String> topicOf, Duration deadline)
            throws InterruptedException {
        if (inFlight == 1) {
            return oneAtATime(count, topicOf, 0, deadline); // each sent once its predecessor is answered
        }
        Semaphore slots = new Semaphore(inFlight);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        int sent = 0;
        for (; sent < count && System.nanoTime() < end; sent++) {
            slots.acquire();
            send(topicOf.apply(sent)).whenComplete((status, error) -> {
                (error == null && status == 201 ? accepted : refused).incrementAndGet();
                slots.release();
            });
        }
        slots.acquire(inFlight);
        return new Published(accepted.get(), refused.get(), (System.nanoTime() - start) / 1e9, sent < count);
    }

    /**
     * Publishes up to {@code count} events to one topic, {@code perSecond} of them each second, one at a time on one
     * keep-alive connection.
     */
    Published paced(String topic, int count, int perSecond, Duration deadline) {
        return oneAtATime(count, i -> topic, perSecond, deadline);
    }

    /** One at a time on one keep-alive connection, {@code perSecond} a second at most (0: as fast as answered). */
    private Published oneAtATime(int count, IntFunction<String> topicOf, int perSecond, Duration deadline) {
        long start = System.nanoTime();
        long interval = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
        int accepted = 0;
        int sent = 0;
        try (KeepAliveConnection connection = new KeepAliveConnection(server.api(""))) {
            for (; sent < count && System.nanoTime() - start < deadline.toNanos(); sent++) {
                if (interval > 0) {
                    LockSupport.parkNanos(start + sent * interval - System.nanoTime()); // the pace, not a sync
                }
                accepted += sendOn(connection, topicOf.apply(sent)) == 201 ? 1 : 0;
            }
        }
        return new Published(accepted, sent - accepted, (System.nanoTime() - start) / 1e9, sent < count);
    }

    /** The status of one publish on the connection; 0 when it failed (the next one connects anew). */
    private int sendOn(KeepAliveConnection connection, String topic) {
        try {
            return connection.post(server.api("topics/" + topic + "/events").getRawPath(), HEADERS, body());
        } catch (IOException e) {
            return 0;
        }
    }

    /** One event through the JDK's client, for several in flight. */
    private CompletableFuture<Integer> send(String topic) {
        URI uri = server.api("topics/" + topic + "/events");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + ServerProcess.TOKEN)
                .header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** An event whose data starts with the publisher's clock, about 100 bytes in all. */
    private static byte[] body() {
        return ("t=" + System.nanoTime() + " " + PADDING).getBytes(StandardCharsets.US_ASCII);
    }
}
