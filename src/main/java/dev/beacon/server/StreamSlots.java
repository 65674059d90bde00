package dev.beacon.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open streams per client address, at most {@value #MAX_STREAMS} each (0: no limit), on both transports. An address
 * with none open has no entry, so the map holds only addresses that have streams now.
 */
final class StreamSlots {

    /** Embedded only: streams one client address may hold open at once. */
    static final String MAX_STREAMS = "beacon.client.max-streams";

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final int max;

    StreamSlots(int max) {
        this.max = max;
    }

    /** A slot for a new stream of the address, or null when it already has its maximum. */
    Slot take(String address) {
        boolean[] taken = {false};
        open.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (max > 0 && now >= max) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0] ? new Slot(address) : null;
    }

    /** Open streams of the address now. */
    int open(String address) {
        return open.getOrDefault(address, 0);
    }

    int max() {
        return max;
    }

    /** One stream's place; giving it back more than once counts once. */
    final class Slot {

        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String address) {
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
