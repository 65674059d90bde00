package dev.beacon.cluster;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.EmbeddedNode;
import dev.beacon.testing.EventRecorder;
import dev.beacon.testing.Http;
import dev.beacon.testing.RedisExtension;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.InboundSseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two embedded nodes (separate processes) on one Redis: a publish on either reaches subscribers of both in one id
 * order; a client resumes on the other node; a node killed with SIGKILL loses its clients nothing; Redis restarting
 * loses nothing; a job started on one node streams from the other.
 */
class ClusterIT {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static final Map<String, String> SETTINGS = Map.of(BeaconConfig.HEARTBEAT, "1",
            BeaconConfig.HISTORY_SIZE, "1000", "beacon.jobs.step-ms", "5");
    private static EmbeddedNode a;
    private static EmbeddedNode b;

    @BeforeAll
    static void startNodes() {
        a = EmbeddedNode.start("cluster-node-a", REDIS.server().url(), SETTINGS);
        b = EmbeddedNode.start("cluster-node-b", REDIS.server().url(), SETTINGS);
    }

    @AfterAll
    static void stopNodes() {
        for (EmbeddedNode node : new EmbeddedNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void aPublishOnEitherNodeReachesSubscribersOfBothInOneIdOrder() {
        String topics = "streams?topic=both-x&topic=both-y";
        try (EventRecorder onA = EventRecorder.open(a.api(topics));
             EventRecorder onB = EventRecorder.open(b.api(topics))) {
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Http node = new Http(i % 2 == 0 ? a : b);
                published.add(node.published(i % 3 == 0 ? "both-x" : "both-y", "n", Integer.toString(i)));
            }

            assertIncreasing(published);
            assertEquals(published, ids(onA.next(10)), "subscribers of node A");
            assertEquals(published, ids(onB.next(10)), "subscribers of node B");
            onA.assertExhausted();
            onB.assertExhausted();
        }
        JsonObject figures = Http.json(new Http(b).get("topics/both-y").body());
        assertEquals(6, figures.getInt("published"), "the cluster's count, whichever node published: " + figures);
    }

    @Test
    void aClientResumesOnTheOtherNodeWithItsLastEventId() {
        Http onA = new Http(a);
        String seen = onA.published("moving", null, "seen on A");
        List<String> missed = List.of(onA.published("moving", null, "m1"), new Http(b).published("moving", null,
                "m2"), onA.published("moving", null, "m3"));

        try (EventRecorder resumed = EventRecorder.open(b.api("streams/moving"), seen)) {
            assertEquals(missed, ids(resumed.next(3)));
            String live = onA.published("moving", null, "live");
            assertEquals(live, resumed.next().getId());
            resumed.assertExhausted();
        }
    }

    @Test
    void clientsOfANodeKilledWhilePublishingMissNothingOnTheOther() throws Exception {
        EmbeddedNode doomed = EmbeddedNode.start("cluster-node-killed", REDIS.server().url(), SETTINGS);
        List<String> received = new ArrayList<>();
        CompletableFuture<List<String>> publishing;
        try (EventRecorder onDoomed = EventRecorder.open(doomed.api("streams?topic=kill-a&topic=kill-b"))) {
            publishing = CompletableFuture.supplyAsync(() -> publish(b, 400));
            received.addAll(ids(onDoomed.next(50)));
            doomed.kill();
            for (EventRecorder.Record record = onDoomed.take(); record.event() != null; record = onDoomed.take()) {
                received.add(record.event().getId());
            }
        } finally {
            doomed.close();
        }
        List<String> published = publishing.get(60, TimeUnit.SECONDS);
        String last = received.get(received.size() - 1);
        try (EventRecorder onSurvivor = EventRecorder.open(a.api("streams?topic=kill-a&topic=kill-b"), last)) {
            received.addAll(ids(onSurvivor.next(published.size() - received.size())));
            onSurvivor.assertExhausted();
        }

        assertEquals(published, received, "every event once, in order, across the kill and the move");
    }

    @Test
    void whenRedisRestartsNodesCarryOnAndNothingIsMissed() {
        Http onA = new Http(a);
        try (EventRecorder onB = EventRecorder.open(b.api("streams/restart"))) {
            List<String> published = new ArrayList<>();
            published.add(onA.published("restart", null, "before 1"));
            published.add(onA.published("restart", null, "before 2"));
            assertEquals(published, ids(onB.next(2)));

            REDIS.server().restart();
            published.add(onA.published("restart", null, "after 1"));
            published.add(new Http(b).published("restart", null, "after 2"));

            assertEquals(published.subList(2, 4), ids(onB.next(2)), "the open stream stayed open");
            onB.assertExhausted();
            try (EventRecorder resumed = EventRecorder.open(a.api("streams/restart"), published.get(0))) {
                assertEquals(published.subList(1, 4), ids(resumed.next(3)), "a resume after the restart");
            }
        }
    }

    @Test
    void aJobStartedOnOneNodeStreamsFromTheOther() {
        Http onA = new Http(a);
        String before = onA.published("job-marker", null, "a position before the job");
        var started = onA.send(HttpRequest.newBuilder(a.api("jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"training\",\"params\":{\"total_epochs\":2,\"steps_per_epoch\":10}}")));
        assertEquals(202, started.statusCode(), started.body());
        String id = started.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

        try (EventRecorder job = EventRecorder.open(b.api("streams/job-" + id), before)) {
            int progress = 0;
            InboundSseEvent event = job.next();
            // The topic opens with the job's started event (what rebuilds its status after a restart), then progress.
            while ("started".equals(event.getName()) || "progress".equals(event.getName())) {
                progress += "progress".equals(event.getName()) ? 1 : 0;
                event = job.next();
            }
            assertEquals("complete", event.getName(), event.readData());
            assertTrue(progress > 0, "progress events came first");
        }
        // Its status and its own stream are the other node's to give too, read from the store.
        Http onB = new Http(b);
        var status = onB.get("jobs/" + id);
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("complete", Http.json(status.body()).getString("state"), status.body());
        try (EventRecorder events = EventRecorder.open(b.api("jobs/" + id + "/events"))) {
            InboundSseEvent event = events.next();
            while ("progress".equals(event.getName())) {
                event = events.next();
            }
            assertEquals("complete", event.getName(), "the whole job from the other node");
        }
        var cancel = onB.send(HttpRequest.newBuilder(b.api("jobs/" + id)).DELETE());
        assertEquals(409, cancel.statusCode(), "an ended job has nothing to cancel: " + cancel.body());
        assertEquals(404, onB.get("jobs/no-such-job").statusCode());
    }

    private static List<String> publish(EmbeddedNode node, int count) {
        Http http = new Http(node);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(http.published(i % 2 == 0 ? "kill-a" : "kill-b", null, "event " + i));
        }
        return ids;
    }

    private static void assertIncreasing(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(Long.parseLong(ids.get(i)) > Long.parseLong(ids.get(i - 1)), "ids increase: " + ids);
        }
    }

    private static List<String> ids(List<InboundSseEvent> events) {
        return events.stream().map(InboundSseEvent::getId).toList();
    }
}
