package dev.beacon.progress;

import dev.beacon.config.BeaconConfig;
import dev.beacon.store.file.FileStoreSettings;
import dev.beacon.testing.BeaconProcess;
import dev.beacon.testing.Endpoint;
import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import dev.beacon.testing.RawSse;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With the file store, jobs outlive the process: a finished job's status and events are there after a restart, and a
 * job that was running when the process was killed ends as failed, with exactly one end event, however often Beacon
 * starts again.
 */
class JobsRestartTest {

    private static final String SHORT = "{\"kind\":\"training\",\"params\":{\"total_epochs\":2,\"steps_per_epoch\":5}}";
    private static final String LONG = "{\"kind\":\"training\",\"params\":{\"total_epochs\":1000,"
            + "\"steps_per_epoch\":1000}}";

    @TempDir
    Path work;

    @Test
    void aFinishedJobIsKeptAndARunningOneEndsAsFailedOnceAfterAKill() {
        Map<String, String> settings = Map.of(BeaconConfig.STORE, BeaconConfig.STORE_FILE,
                FileStoreSettings.PATH, work.resolve("store").toString(), TrainingJob.STEP_MILLIS, "5");
        String done;
        String running;
        List<JobsTest.Event> doneEvents;
        try (BeaconProcess first = BeaconProcess.start(work.resolve("first.log"), settings)) {
            done = start(first, SHORT);
            await().atMost(Duration.ofSeconds(20)).until(() -> "complete".equals(status(first, done).getString("state")));
            doneEvents = events(first, done);
            running = start(first, LONG);
            await().atMost(Duration.ofSeconds(20)).until(() -> status(first, running).getJsonNumber("progress_percent")
                    .doubleValue() >= 0.01);
            first.kill();
        }

        try (BeaconProcess second = BeaconProcess.start(work.resolve("second.log"), settings)) {
            JsonObject finished = status(second, done);
            assertEquals("complete", finished.getString("state"));
            assertEquals("training", finished.getString("kind"));
            assertEquals(100, finished.getInt("progress_percent"));
            assertEquals(doneEvents, events(second, done), "the same events, ids and all");

            assertEndedOnceAsFailed(second, running);
        }

        try (BeaconProcess third = BeaconProcess.start(work.resolve("third.log"), settings)) {
            assertEndedOnceAsFailed(third, running);
        }
    }

    private static void assertEndedOnceAsFailed(Endpoint beacon, String id) {
        JsonObject status = status(beacon, id);
        assertEquals("failed", status.getString("state"), status.toString());
        assertEquals(JobHistory.STOPPED, status.getString("message"));
        List<JobsTest.Event> events = events(beacon, id);
        assertEquals(1, events.stream().filter(e -> JobState.isEndEvent(e.name())).count(), events.toString());
        JobsTest.Event end = events.get(events.size() - 1);
        assertEquals("failed", end.name(), "the end is the last event");
        assertEquals(JobHistory.STOPPED, Http.json(end.data()).getString("message"));
        assertEquals("progress", events.get(0).name(), "the stream starts with progress: " + events);
    }

    private static String start(Endpoint beacon, String body) {
        HttpResponse<String> started = new Http(beacon).send(HttpRequest.newBuilder(beacon.api("jobs"))
                .header("Authorization", "Bearer " + TestServer.TOKEN) // jobs take the publish token when one is set
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, started.statusCode(), started.body());
        return Http.json(started.body()).getString("id");
    }

    private static JsonObject status(Endpoint beacon, String id) {
        HttpResponse<String> response = new Http(beacon).get("jobs/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response.body());
    }

    private static List<JobsTest.Event> events(Endpoint beacon, String id) {
        try (RawSse stream = RawSse.get(beacon, "jobs/" + id + "/events")) {
            return JobsTest.Event.parse(stream.readToEnd());
        }
    }
}
