package dev.beacon.client;

import dev.beacon.testing.BeaconOnPort;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static dev.beacon.client.Recorder.assertEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A subscription across a restart of the server (a process of its own, stopped by its PID and started again on the
 * same port). With the memory store, the restarted hub cannot place the old id, and the gap callback says so before
 * the events that follow; with a durable store nothing is missed and there is no gap.
 */
class RestartTest {

    /** The stores to restart with: a name, the server's settings, and whether the restart loses the history. */
    static Stream<Arguments> stores() throws IOException {
        Path directory = Files.createTempDirectory("beacon-restart-test");
        directory.toFile().deleteOnExit();
        return Stream.of(
                Arguments.of("memory", Map.of("BEACON_STORE", "memory"), true),
                Arguments.of("file", Map.of("BEACON_STORE", "file", "BEACON_STORE_PATH",
                        directory.resolve("store").toString()), false));
    }

    @ParameterizedTest(name = "{0} store")
    @MethodSource("stores")
    void aSubscriptionCarriesOnAcrossARestart(String store, Map<String, String> settings, boolean losesHistory) {
        int port = BeaconOnPort.freePort();
        Recorder recorder = new Recorder();
        BeaconOnPort first = BeaconOnPort.start(port, settings);
        BeaconClient beacon = BeaconClient.builder(first.base()).token(TestServer.TOKEN)
                .initialDelay(Duration.ofMillis(50)).maxDelay(Duration.ofMillis(500)).build();
        try (BeaconSubscription subscription = beacon.stream("restart").subscribe(recorder)) {
            recorder.opened();
            String before = beacon.publish("restart", "before");
            assertEvent(recorder.event(), before, "restart", "message", "before");
            first.close();
            recorder.next("reconnecting");
            try (BeaconOnPort ignored = BeaconOnPort.start(port, settings)) {
                String after = beacon.publish("restart", "after");
                if (losesHistory) {
                    BeaconGap gap = (BeaconGap) recorder.next("gap", "reconnecting", "open", "position").value();
                    assertEquals(new BeaconGap(before, "unknown"), gap, store + ": the old id is unknown now");
                }
                assertEvent(recorder.event(), after, "restart", "message", "after");
                assertEquals(after, subscription.lastEventId());
            }
        } finally {
            first.close();
        }
    }
}
