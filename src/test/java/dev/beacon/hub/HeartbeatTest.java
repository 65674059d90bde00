package dev.beacon.hub;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tick's heartbeat and a new subscriber's opening: the hub registers a subscriber, then schedules its first drain,
 * and a tick can come in between (the JAX-RS suites caught {@code : heartbeat} before {@code : beacon stream open}).
 * Driven by hand here, on the calling thread, so the interleaving is the one under test every time.
 */
class HeartbeatTest {

    private final InMemoryHistory history = new InMemoryHistory(16, Duration.ofHours(1), Clock.systemUTC());
    private final Subscribers subscribers = new Subscribers(16, topic -> { });
    private final Delivery delivery = new Delivery(subscribers, history, Runnable::run, 1, 16);
    private final Heartbeat heartbeat = new Heartbeat(subscribers, delivery);
    private final Recorded channel = new Recorded();

    @Test
    void aTickBetweenSubscribingAndTheFirstDrainLeavesTheOpeningFirst() {
        long head = history.head();
        Subscriber s = new Subscriber(subscribers, 0, List.of(new Topic("beats")), event -> true, channel, head, head,
                List.of(SseFrames.OPENING, SseFrames.position(head)), null);
        subscribers.add(s);

        heartbeat.beatAll(); // the tick comes before the hub's first drain of the new subscriber
        delivery.schedule(s);
        heartbeat.beatAll(); // and one after, on an idle, opened stream

        assertEquals(List.of(text(SseFrames.OPENING) + text(SseFrames.position(head)), text(SseFrames.HEARTBEAT)),
                channel.writes);
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8) + "\n";
    }

    /** Each write's frames as the wire has them, each frame followed by its blank line; every write succeeds. */
    private static final class Recorded implements SubscriberChannel {

        final List<String> writes = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> write(List<byte[]> frames) {
            StringBuilder wire = new StringBuilder();
            frames.forEach(frame -> wire.append(text(frame)));
            writes.add(wire.toString());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
