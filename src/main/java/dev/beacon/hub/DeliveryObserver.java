package dev.beacon.hub;

/** Told of every write to a subscriber; how metrics see delivery latency without the hub knowing about metrics. */
@FunctionalInterface
public interface DeliveryObserver {

    DeliveryObserver NONE = (events, oldestPublishedMillis) -> { };

    /**
     * @param events                events in the write
     * @param oldestPublishedMillis when the oldest of them was published (epoch milliseconds)
     */
    void written(int events, long oldestPublishedMillis);
}
