package dev.beacon.stream;

/** {@link SubscriberLifecycleContract} on the JAX-RS {@code SseEventSink}, as on an app server. */
class SubscriberLifecyclePortableTest extends SubscriberLifecycleContract {

    @Override
    String transport() {
        return "portable";
    }
}
