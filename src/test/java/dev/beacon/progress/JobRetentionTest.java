package dev.beacon.progress;

import dev.beacon.testing.Http;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A finished job that is forgotten takes its topic and history with it, so jobs cannot fill the hub over time. */
class JobRetentionTest {

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(Jobs.RETAINED, "1");
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aForgottenJobsTopicIsRemovedFromTheHub() {
        String first = finishedJob();
        assertEquals(200, http.get("topics/job-" + first).statusCode(), "the finished job's topic is kept for now");

        finishedJob(); // only one finished job is retained here: the first one is forgotten

        await("the first job to be forgotten").atMost(Duration.ofSeconds(10))
                .until(() -> http.get("jobs/" + first).statusCode() == 404);
        assertEquals(404, http.get("topics/job-" + first).statusCode(), "its topic went with it");
    }

    private static String finishedJob() {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(http.api("jobs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"training\",\"params\":{\"total_epochs\":1,\"steps_per_epoch\":1}}")));
        assertEquals(202, started.statusCode(), started.body());
        String id = Http.json(started.body()).getString("id");
        await("job " + id + " to complete").atMost(Duration.ofSeconds(10))
                .until(() -> "complete".equals(Http.json(http.get("jobs/" + id).body()).getString("state")));
        return id;
    }
}
