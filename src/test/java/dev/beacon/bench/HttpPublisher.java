package dev.beacon.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Publishes over HTTP as fast as Beacon accepts, with a bounded number of requests in flight. */
final class HttpPublisher {

    private static final String PADDING = "x".repeat(80);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ServerProcess server;
    final AtomicLong failures = new AtomicLong();

    HttpPublisher(ServerProcess server) {
        this.server = server;
    }

    /** Publishes {@code count} events, the i-th to {@code topicOf(i)}; answers the seconds it took. */
    double publish(int count, int inFlight, IntFunction<String> topicOf) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            send(topicOf.apply(i)).whenComplete((status, error) -> {
                if (error != null || status != 201) {
                    failures.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(inFlight);
        return (System.nanoTime() - start) / 1e9;
    }

    /** One event whose data starts with the publisher's clock, about 100 bytes in all. */
    CompletableFuture<Integer> send(String topic) {
        URI uri = server.api("topics/" + topic + "/events");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + ServerProcess.TOKEN)
                .header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("t=" + System.nanoTime() + " " + PADDING))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }
}
