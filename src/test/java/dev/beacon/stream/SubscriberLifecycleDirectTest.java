package dev.beacon.stream;

/** {@link SubscriberLifecycleContract} on Grizzly's non-blocking output, the embedded default. */
class SubscriberLifecycleDirectTest extends SubscriberLifecycleContract {

    @Override
    String transport() {
        return "direct";
    }
}
