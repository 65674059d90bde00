package dev.beacon.topics;

/** {@link BadInputContract} on the JAX-RS {@code SseEventSink}, as on an app server. */
class BadInputPortableTest extends BadInputContract {

    @Override
    String transport() {
        return "portable";
    }
}
