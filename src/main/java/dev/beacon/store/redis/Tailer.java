package dev.beacon.store.redis;

import dev.beacon.hub.HubEvent;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Follows the stream of all events with blocking reads from the last id it handed over, on a connection of its own,
 * and hands every event to the sink in id order. When Redis goes away it tries again with a growing pause and carries
 * on from that same id, so an outage, a restart or a dropped connection skips nothing that Redis still holds. (Pub/sub
 * would not do: it forgets whatever is published while a node is not listening.)
 */
final class Tailer implements Runnable {

    private static final System.Logger LOG = System.getLogger(Tailer.class.getName());
    private static final int BLOCK_MILLIS = 1000;
    private static final int BATCH = 1000;
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 2000;

    private final Redis redis;
    private final Consumer<HubEvent> sink;
    private final BiConsumer<Jedis, Long> onConnect;
    private final Object pause = new Object();
    private volatile boolean running = true;
    private volatile Jedis connection;
    private long last;
    private long lastSequence = -1;

    /** {@code onConnect} checks the log each time a connection is made, with the last id handed over so far. */
    Tailer(Redis redis, long after, Consumer<HubEvent> sink, BiConsumer<Jedis, Long> onConnect) {
        this.redis = redis;
        this.last = after;
        this.sink = sink;
        this.onConnect = onConnect;
    }

    @Override
    public void run() {
        long pauseMillis = FIRST_PAUSE_MILLIS;
        boolean failing = false;
        while (running) {
            try (Jedis jedis = redis.dedicated(BLOCK_MILLIS)) {
                connection = jedis;
                onConnect.accept(jedis, last);
                if (failing) {
                    LOG.log(Level.INFO, "Following Redis at {0} again after id {1}", redis.display(),
                            Long.toString(last));
                }
                failing = false;
                pauseMillis = FIRST_PAUSE_MILLIS;
                while (running) {
                    read(jedis);
                }
            } catch (RuntimeException e) { // unreachable, or any answer it could not read: the same remedy
                if (!running) {
                    break;
                }
                if (!failing) {
                    LOG.log(Level.WARNING, "Lost Redis at {0} ({1}); trying again, to go on after id {2}",
                            redis.display(), e.getMessage(), Long.toString(last));
                }
                failing = true;
                redis.forgetIdle();
                sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE_MILLIS);
            }
        }
        LOG.log(Level.DEBUG, "Stopped following Redis after id {0}", Long.toString(last));
    }

    private void read(Jedis jedis) {
        List<Map.Entry<String, List<StreamEntry>>> answer = jedis.xread(
                XReadParams.xReadParams().block(BLOCK_MILLIS).count(BATCH),
                Map.of(Keys.ALL, new StreamEntryID(last, 0)));
        if (answer == null) {
            return; // nothing new within the block time
        }
        for (Map.Entry<String, List<StreamEntry>> stream : answer) {
            for (StreamEntry entry : stream.getValue()) {
                HubEvent event;
                try {
                    checkSequence(Entries.sequence(entry));
                    event = Entries.event(entry);
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "Skipping entry " + entry.getID() + " of " + Keys.ALL
                            + ", which is no event Beacon wrote: " + entry.getFields().keySet(), e);
                    last = entry.getID().getTime();
                    continue;
                }
                last = event.id();
                hand(event);
            }
        }
    }

    private void hand(HubEvent event) {
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Handing over event " + event.id() + " of topic " + event.topic() + " failed", e);
        }
    }

    /** Every event has the next number: a number skipped is an event this node never got, and says so. */
    private void checkSequence(long sequence) {
        if (lastSequence >= 0 && sequence > lastSequence + 1) {
            LOG.log(Level.WARNING, "{0} events after id {1} were trimmed from Redis'' stream of all events before this"
                    + " node read them (it was cut off for longer than that stream reaches back); its subscribers"
                    + " may miss them", Long.toString(sequence - lastSequence - 1), Long.toString(last));
        } else if (lastSequence >= 0 && sequence <= lastSequence) {
            LOG.log(Level.WARNING, "Redis at {0} numbers events from {1} again, after {2}: it lost events it had"
                    + " acknowledged (a failover to a replica that had not received them)", redis.display(),
                    Long.toString(sequence), Long.toString(lastSequence));
        }
        lastSequence = sequence;
    }

    private void sleep(long millis) {
        synchronized (pause) {
            try {
                if (running) {
                    pause.wait(millis);
                }
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the loop: wakes it from a pause, and cuts a blocking read short by closing its connection. */
    void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        Jedis jedis = connection;
        if (jedis != null) {
            try {
                jedis.disconnect();
            } catch (JedisException e) {
                LOG.log(Level.DEBUG, "Closing the follower's connection failed: {0}", e.getMessage());
            }
        }
    }
}
