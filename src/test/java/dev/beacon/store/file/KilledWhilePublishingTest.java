package dev.beacon.store.file;

import dev.beacon.config.BeaconConfig;
import dev.beacon.testing.BeaconProcess;
import dev.beacon.testing.Http;
import dev.beacon.testing.RawSse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise of the file store, kept through a SIGKILL: Beacon is killed while four publishers publish to three
 * topics over HTTP; after a restart every publish that was answered 201 is there with its id, in order, once; whatever
 * a subscriber received before the kill is there too (nothing is delivered before it is durable); and that subscriber,
 * resuming from the last id it had, gets exactly the events after it, with no gap.
 */
class KilledWhilePublishingTest {

    private static final String STREAM = "streams?topic=crash-0&topic=crash-1&topic=crash-2";
    private static final String MARKER = "published after the restart";
    private static final int PUBLISHERS = 4;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path work;
    /** Event data by id, for every publish answered 201. */
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    /** The data of every publish sent, answered or not. */
    private final Set<String> attempted = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedEventSurvivesAKillAndAResumeGetsExactlyTheMissedOnes() throws Exception {
        Map<String, String> settings = Map.of(BeaconConfig.STORE, BeaconConfig.STORE_FILE,
                FileStoreSettings.PATH, work.resolve("store").toString(), BeaconConfig.HEARTBEAT, "1",
                BeaconConfig.HISTORY_SIZE, "100000");
        Map<Long, String> delivered;
        try (BeaconProcess first = BeaconProcess.start(work.resolve("first.log"), settings);
             RawSse subscriber = RawSse.get(first, STREAM)) {
            subscriber.head();
            CompletableFuture<String> received = CompletableFuture.supplyAsync(subscriber::readToEnd);
            ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
            for (int p = 0; p < PUBLISHERS; p++) {
                int publisher = p;
                publishers.execute(() -> publish(new Http(first), publisher));
            }
            await("300 acknowledged publishes").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 300);
            first.kill();
            publishers.shutdown();
            assertTrue(publishers.awaitTermination(60, TimeUnit.SECONDS), "publishers stop once Beacon is gone");
            delivered = events(received.get(30, TimeUnit.SECONDS));
        }

        try (BeaconProcess second = BeaconProcess.start(work.resolve("second.log"), settings)) {
            new Http(second).published("crash-0", null, MARKER);
            Map<Long, String> stored = readAll(second, "1"); // an id it never gave out: everything retained
            stored.remove(stored.keySet().stream().reduce((a, b) -> b).orElseThrow()); // the marker, last

            acknowledged.forEach((id, data) -> assertEquals(data, stored.get(id), "acknowledged event " + id));
            assertEquals(stored.size(), Set.copyOf(stored.values()).size(), "each publish is there once");
            assertTrue(attempted.containsAll(stored.values()), "nothing is there that was not published");
            delivered.forEach((id, data) -> assertEquals(data, stored.get(id), "delivered before the kill: " + id));

            long lastSeen = delivered.keySet().stream().reduce((a, b) -> b).orElse(0L);
            Map<Long, String> resumed = readAll(second, Long.toString(lastSeen));
            resumed.remove(resumed.keySet().stream().reduce((a, b) -> b).orElseThrow());
            Map<Long, String> missed = new LinkedHashMap<>(stored);
            missed.keySet().removeIf(id -> id <= lastSeen);
            assertEquals(List.copyOf(missed.entrySet()), List.copyOf(resumed.entrySet()),
                    "resuming from " + lastSeen + " gives exactly the events after it, in order");
            System.out.printf("Killed after %d acknowledged publishes; %d stored; %d delivered before the kill%n",
                    acknowledged.size(), stored.size(), delivered.size());
        }
    }

    private void publish(Http http, int publisher) {
        for (int i = 0; i < 20_000; i++) {
            String topic = "crash-" + (i % 3);
            String data = topic + " from publisher " + publisher + " #" + i;
            attempted.add(data);
            HttpResponse<String> response;
            try {
                response = http.publishText(topic, null, data);
            } catch (RuntimeException gone) {
                return; // Beacon was killed
            }
            if (response.statusCode() == 201) {
                acknowledged.put(Long.parseLong(Http.json(response.body()).getString("id")), data);
            }
        }
    }

    /**
     * Everything after {@code lastEventId} up to the marker, by id in the order received; a gap only if the id is
     * unknown. Read line by line (heartbeats every second keep lines coming), within an overall deadline.
     */
    private static Map<Long, String> readAll(BeaconProcess beacon, String lastEventId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(beacon.api(STREAM)).header("Last-Event-ID", lastEventId)
                .timeout(Duration.ofSeconds(10)).build();
        StringBuilder body = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Stream<String> lines = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            Iterator<String> each = lines.iterator();
            String previous = null;
            for (String line = each.next(); !(line.isEmpty() && ("data: " + MARKER).equals(previous));
                 line = each.next()) {
                assertTrue(System.nanoTime() < deadline, "no marker within 60 s; got " + body.length() + " chars");
                body.append(line).append('\n');
                previous = line;
            }
        }
        String text = body.append('\n').toString();
        assertEquals(lastEventId.equals("1"), text.contains("event: beacon-gap"), text.substring(0,
                Math.min(300, text.length())));
        return events(text);
    }

    /** The complete events of a stream body by id, in the order received; ids must only grow. */
    private static Map<Long, String> events(String body) {
        Map<Long, String> events = new LinkedHashMap<>();
        List<String> blocks = new ArrayList<>(List.of(body.split("\n\n")));
        if (!body.endsWith("\n\n") && !blocks.isEmpty()) {
            blocks.remove(blocks.size() - 1); // cut off by the kill: a client discards it too
        }
        long previous = 0;
        for (String block : blocks) {
            if (!block.startsWith("id: ") || !block.contains("\ndata: ")) {
                continue; // comments, the gap event, the stream's opening position (no data: not an event)
            }
            String[] lines = block.split("\n");
            long id = Long.parseLong(lines[0].substring(4));
            assertTrue(id > previous, "ids only grow: " + id + " after " + previous);
            previous = id;
            assertFalse(events.containsKey(id));
            String data = java.util.Arrays.stream(lines).filter(line -> line.startsWith("data: ")).findFirst()
                    .orElseThrow();
            events.put(id, data.substring("data: ".length()));
        }
        return events;
    }
}
