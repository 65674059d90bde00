package dev.beacon.stream;

/** {@link ReplayUnderLoadContract} on the JAX-RS {@code SseEventSink}, as on an app server. */
class ReplayUnderLoadPortableTest extends ReplayUnderLoadContract {

    @Override
    String transport() {
        return "portable";
    }
}
