package dev.beacon.client;

import dev.beacon.testing.ScriptedHttpServer;
import dev.beacon.testing.ScriptedHttpServer.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.beacon.client.Recorder.assertEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a subscription reconnects, against a scripted server that misbehaves on demand. */
class ReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(Recorder.TIMEOUT_SECONDS);

    private static BeaconClient.Builder client(int port) {
        return BeaconClient.builder(URI.create("http://127.0.0.1:" + port))
                .initialDelay(Duration.ofMillis(50))
                .maxDelay(Duration.ofMillis(400));
    }

    @Test
    void aSilentStreamIsTakenForDeadAndResumedAfterItsLastEvent() throws InterruptedException {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> Answer.thenSilent(Answer.stream(
                ": open\n\nid: " + (5 + n) + "\ndata: x" + n + "\n\n")))) {
            Recorder recorder = new Recorder();
            try (BeaconSubscription ignored = client(server.port()).idleTimeout(Duration.ofMillis(300)).build()
                    .stream("silent").subscribe(recorder)) {
                assertEvent(recorder.event(), "5", "silent", "message", "x0");
                Recorder.Call reconnecting = recorder.next("reconnecting");
                assertInstanceOf(Attempt.SilentException.class, reconnecting.value());
                assertEvent(recorder.event(), "6", "silent", "message", "x1");
            }
            assertNull(header(server.nextRequest(WAIT), "Last-Event-ID"), "the first connection has no position");
            assertEquals("5", header(server.nextRequest(WAIT), "Last-Event-ID"));
        }
    }

    @Test
    void aPositionWithoutEventsIsWhereTheNextConnectionResumes() throws InterruptedException {
        // Beacon opens each stream with an id-only block carrying the subscription's position (issue 17).
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> n == 0
                ? Answer.closing(Answer.stream(": open\n\nid: 41\n\n"))
                : Answer.thenSilent(Answer.stream(": open\n\nid: 41\n\nid: 42\ndata: x\n\n")))) {
            Recorder recorder = new Recorder();
            try (BeaconSubscription subscription = client(server.port()).build().stream("p").subscribe(recorder)) {
                assertEquals("41", recorder.next("position", "open").value());
                assertEvent(recorder.event(), "42", "p", "message", "x");
                assertEquals("42", subscription.lastEventId());
            }
            assertNull(header(server.nextRequest(WAIT), "Last-Event-ID"));
            assertEquals("41", header(server.nextRequest(WAIT), "Last-Event-ID"));
        }
    }

    @Test
    void unauthorisedStopsAtOnceWithTheDetailAndNeverRetries() throws InterruptedException {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> Answer.closing(
                Answer.problem(401, "The token has expired")))) {
            Recorder recorder = new Recorder();
            BeaconSubscription subscription = client(server.port()).build().stream("private").subscribe(recorder);
            BeaconException failure = recorder.closed();
            assertEquals(401, failure.status());
            assertEquals("The token has expired", failure.detail());
            assertTrue(subscription.done().isCompletedExceptionally());
            assertNotNull(server.nextRequest(WAIT));
            assertNull(server.nextRequest(Duration.ofMillis(600)), "no second attempt after a 401");
            recorder.assertQuietFor(Duration.ofMillis(100));
        }
    }

    @Test
    void theTokenSupplierIsAskedAgainOnEveryReconnect() throws InterruptedException {
        AtomicInteger issued = new AtomicInteger();
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> Answer.closing(Answer.stream(
                "id: " + (n + 1) + "\ndata: x\n\n")))) {
            Recorder recorder = new Recorder();
            try (BeaconSubscription ignored = client(server.port()).token(() -> "token-" + issued.incrementAndGet())
                    .build().stream("t").subscribe(recorder)) {
                recorder.events(2);
            }
            assertEquals("Bearer token-1", header(server.nextRequest(WAIT), "Authorization"));
            String second = server.nextRequest(WAIT);
            assertEquals("Bearer token-2", header(second, "Authorization"));
            assertEquals("1", header(second, "Last-Event-ID"));
        }
    }

    @Test
    void aRefusedConnectionIsRetriedWithGrowingDelaysUntilTheServerIsUp() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Recorder recorder = new Recorder();
        try (BeaconSubscription ignored = client(port).build().stream("later").subscribe(recorder)) {
            long ceiling = 50;
            for (int attempt = 0; attempt < 4; attempt++) {
                Recorder.Call call = recorder.next("reconnecting");
                assertTrue(refused((Throwable) call.value()), "a refused connection: " + call.value());
                // Equal jitter: between half and all of the doubled delay, which stops at the maximum (400 ms).
                long delay = call.delay().toMillis();
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, "attempt " + attempt + ": " + delay + " ms");
                ceiling = Math.min(400, ceiling * 2);
            }
            try (ScriptedHttpServer server = ScriptedHttpServer.on(port, n -> Answer.thenSilent(Answer.stream(
                    "id: 1\ndata: up\n\n")))) {
                assertEvent(recorder.event(), "1", "later", "message", "up");
            }
        }
    }

    @Test
    void honoursTheServersRetryAndRetriesAServiceUnavailable() throws InterruptedException {
        try (ScriptedHttpServer server = ScriptedHttpServer.start(n -> Answer.closing(n == 0
                ? Answer.stream("retry: 120\n\n") : n == 1 ? Answer.problem(503, "Starting")
                : Answer.stream("id: 3\ndata: ok\n\n")))) {
            Recorder recorder = new Recorder();
            try (BeaconSubscription ignored = client(server.port()).build().stream("r").subscribe(recorder)) {
                long first = recorder.next("reconnecting", "open").delay().toMillis();
                assertTrue(first >= 60 && first <= 120, "the server's retry: 120 ms, with jitter: " + first);
                Recorder.Call unavailable = recorder.next("reconnecting", "open");
                assertEquals(503, ((BeaconException) unavailable.value()).status());
                assertEvent(recorder.event(), "3", "r", "message", "ok");
            }
        }
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String header(String head, String name) {
        assertNotNull(head, "no request came");
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
