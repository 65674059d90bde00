package dev.beacon.client;

import dev.beacon.config.BeaconConfig;
import dev.beacon.progress.TrainingJob;
import dev.beacon.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.beacon.client.Recorder.assertEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against the embedded server: subscribing, resuming, publishing, refusals, topics, jobs. */
class ClientTest {

    private static TestServer server;
    private static BeaconClient beacon;

    @BeforeAll
    static void start() {
        server = TestServer.start(BeaconConfig.HEARTBEAT, "0.5", TrainingJob.STEP_MILLIS, "2");
        beacon = BeaconClient.builder(base(server)).token(TestServer.TOKEN).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static URI base(TestServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Test
    void deliversEventsOfSeveralTopicsInOrderWithTopicNameAndData() {
        Recorder recorder = new Recorder();
        try (BeaconSubscription subscription = beacon.stream("c-a", "c-b").subscribe(recorder)) {
            recorder.opened();
            String a1 = beacon.publish("c-a", OutgoingEvent.text("note", "first\nsecond"));
            String b1 = beacon.publish("c-b", OutgoingEvent.json("quote", "{\"price\": 12.5}"));
            String a2 = beacon.publish("c-a", " spaced");
            assertEvent(recorder.event(), a1, "c-a", "note", "first\nsecond");
            assertEvent(recorder.event(), b1, "c-b", "quote", "{\"price\":12.5}");
            assertEvent(recorder.event(), a2, "c-a", "message", " spaced");
            assertEquals(a2, subscription.lastEventId());
        }
    }

    @Test
    void startsAfterAStoredIdWithEveryLaterEventOnce() {
        List<String> ids = beacon.publish("c-from", List.of(OutgoingEvent.text(null, "1"),
                OutgoingEvent.text(null, "2"), OutgoingEvent.text(null, "3")));
        Recorder recorder = new Recorder();
        try (BeaconSubscription ignored = beacon.stream("c-from").from(ids.get(0)).subscribe(recorder)) {
            assertEvent(recorder.event(), ids.get(1), "c-from", "message", "2");
            assertEvent(recorder.event(), ids.get(2), "c-from", "message", "3");
        }
    }

    @Test
    void publishesObjectsThroughJsonb() {
        Recorder recorder = new Recorder();
        try (BeaconSubscription ignored = beacon.stream("c-json").subscribe(recorder)) {
            recorder.opened();
            String id = beacon.publish("c-json", OutgoingEvent.object("reading", new Reading("s1", 2.5)));
            assertEvent(recorder.event(), id, "c-json", "reading", "{\"sensor\":\"s1\",\"value\":2.5}");
        }
    }

    @Test
    void aGapFromAnIdTheHubNeverGaveReachesTheGapCallback() {
        String id = beacon.publish("c-gap", "kept");
        Recorder recorder = new Recorder();
        try (BeaconSubscription subscription = beacon.stream("c-gap").from("12").subscribe(recorder)) {
            BeaconGap gap = (BeaconGap) recorder.next("gap", "open", "position").value();
            assertEquals(new BeaconGap("12", "unknown"), gap);
            assertEvent(recorder.event(), id, "c-gap", "message", "kept");
            assertEquals(id, subscription.lastEventId());
        }
    }

    @Test
    void refusalsCarryTheProblemsDetail() {
        BeaconException noToken = assertThrows(BeaconException.class,
                () -> BeaconClient.create(base(server)).publish("c-refused", "x"));
        assertEquals(401, noToken.status());
        assertNotNull(noToken.detail());
        assertTrue(noToken.getMessage().contains(noToken.detail()), noToken.getMessage());

        BeaconException badName = assertThrows(BeaconException.class, () -> beacon.publish("bad name!", "x"));
        assertEquals(400, badName.status());
        assertTrue(badName.detail().contains("Invalid topic name"), badName.detail());

        BeaconException badJson = assertThrows(BeaconException.class,
                () -> beacon.publish("c-refused", OutgoingEvent.json(null, "{oops")));
        assertEquals(400, badJson.status());
    }

    @Test
    void aStreamThatDoesNotExistEndsAtOnceWithoutRetrying() {
        Recorder recorder = new Recorder();
        BeaconSubscription subscription = beacon.jobs().events("no-such-job").subscribe(recorder);
        BeaconException failure = (BeaconException) recorder.next("closed").value();
        assertEquals(404, failure.status());
        CompletionException done = assertThrows(CompletionException.class, () -> subscription.done().join());
        assertEquals(failure, done.getCause());
        recorder.assertQuietFor(Duration.ofMillis(500));
    }

    @Test
    void aFlowSubscriberGetsWhatItRequestsInOrder() throws InterruptedException {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        Flow.Subscription[] handle = new Flow.Subscription[1];
        beacon.stream("c-flow").from(beacon.publish("c-flow", "start")).publisher(received::add)
                .subscribe(new Flow.Subscriber<BeaconEvent>() {
                    public void onSubscribe(Flow.Subscription subscription) {
                        handle[0] = subscription;
                        subscription.request(1);
                    }

                    public void onNext(BeaconEvent item) {
                        received.add(item);
                        handle[0].request(1);
                    }

                    public void onError(Throwable throwable) {
                        received.add(throwable);
                    }

                    public void onComplete() {
                        received.add("complete");
                    }
                });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(beacon.publish("c-flow", "n" + i));
        }
        for (int i = 0; i < 5; i++) {
            Object item = received.poll(Recorder.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertInstanceOf(BeaconEvent.class, item, String.valueOf(item));
            assertEvent((BeaconEvent) item, ids.get(i), "c-flow", "message", "n" + i);
        }
        handle[0].cancel();
    }

    @Test
    void listsTopicsWithTheirFigures() {
        beacon.publish("c-listed", "x");
        TopicInfo listed = beacon.topics().stream().filter(topic -> topic.topic().equals("c-listed")).findFirst()
                .orElseThrow();
        assertEquals(1, listed.published());
        assertEquals(1, listed.retained());
    }

    @Test
    void startsFollowsAndReadsAJob() {
        BeaconJobs jobs = beacon.jobs();
        JobStatus started = jobs.start("training", Map.of("total_epochs", 2, "steps_per_epoch", 3));
        assertEquals("training", started.kind());
        Recorder recorder = new Recorder();
        try (BeaconSubscription ignored = jobs.events(started.id()).subscribe(recorder)) {
            BeaconEvent event = recorder.event();
            while (event.event().equals("progress")) {
                assertEquals("job-" + started.id(), event.topic());
                event = recorder.event();
            }
            assertEquals("complete", event.event());
        }
        assertEquals("complete", jobs.status(started.id()).state());
        assertEquals(409, assertThrows(BeaconException.class, () -> jobs.cancel(started.id())).status());
    }
}
