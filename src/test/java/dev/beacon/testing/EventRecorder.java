package dev.beacon.testing;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A JAX-RS {@link SseEventSource} whose callbacks go into a queue; tests take events with a timeout and, at the end,
 * check nothing unexpected is left ({@link #assertExhausted()}).
 */
public final class EventRecorder implements AutoCloseable {

    public static final long TIMEOUT_SECONDS = 10;

    /** What the source reported: an event, an error, or the end of the stream. */
    public record Record(InboundSseEvent event, Throwable error, boolean completed) {
    }

    private final BlockingQueue<Record> records = new LinkedBlockingQueue<>();
    private final Client client;
    private final SseEventSource source;

    private EventRecorder(URI uri, String lastEventId) {
        client = ClientBuilder.newClient();
        WebTarget target = client.target(uri);
        if (lastEventId != null) {
            target = target.queryParam("lastEventId", lastEventId);
        }
        source = SseEventSource.target(target).reconnectingEvery(1, TimeUnit.DAYS).build();
        // Comments (the opening one, heartbeats) are not events, nor is the stream's opening position (an id with no
        // data): a browser dispatches neither. Jersey's source hands both to the application; it is told apart here.
        source.register(e -> {
                    if (e.getComment() == null && !isPosition(e)) {
                        records.add(new Record(e, null, false));
                    }
                },
                e -> records.add(new Record(null, e, false)),
                () -> records.add(new Record(null, null, true)));
    }

    /**
     * The id-only event that opens a Beacon stream: Jersey dispatches it with the id, no name and empty data, where a
     * browser only records the id (https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage).
     */
    public static boolean isPosition(InboundSseEvent event) {
        return event.getId() != null && event.getName() == null && event.isEmpty();
    }

    /** Opens the stream; returns once the source has connected. */
    public static EventRecorder open(URI uri) {
        return open(uri, null);
    }

    public static EventRecorder open(URI uri, String lastEventId) {
        EventRecorder recorder = new EventRecorder(uri, lastEventId);
        recorder.source.open();
        return recorder;
    }

    public InboundSseEvent next() {
        Record record = take();
        if (record.event == null) {
            fail("Expected an event, got " + (record.completed ? "the end of the stream" : record.error));
        }
        return record.event;
    }

    public InboundSseEvent next(String expectedName) {
        InboundSseEvent event = next();
        assertEquals(expectedName, event.getName(), "event name of " + event);
        return event;
    }

    /** The next event of this name, skipping at most {@code skipAtMost} others (a feed's events from before, say). */
    public InboundSseEvent skipTo(String name, int skipAtMost) {
        for (int i = 0; i <= skipAtMost; i++) {
            InboundSseEvent event = next();
            if (name.equals(event.getName())) {
                return event;
            }
        }
        return fail("No " + name + " event after skipping " + skipAtMost + " others");
    }

    public List<InboundSseEvent> next(int count) {
        List<InboundSseEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    public void awaitCompleted() {
        Record record = take();
        if (!record.completed) {
            fail("Expected the end of the stream, got " + describe(record));
        }
    }

    public Record take() {
        try {
            Record record = records.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(record, "Nothing arrived within " + TIMEOUT_SECONDS + " s");
            return record;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Nothing but what the test already took: no stray event, error or end. */
    public void assertExhausted() {
        Record left = records.poll();
        if (left != null) {
            fail("Unexpected " + describe(left));
        }
    }

    private static String describe(Record record) {
        if (record.event != null) {
            return "event " + record.event.getName() + " id " + record.event.getId() + ": "
                    + record.event.readData();
        }
        return record.completed ? "end of stream" : "error " + record.error;
    }

    @Override
    public void close() {
        source.close(1, TimeUnit.SECONDS);
        client.close();
    }
}
