package dev.beacon.stream;

/** {@link WireFormatContract} on the JAX-RS {@code SseEventSink}, as on an app server. */
class WireFormatPortableTest extends WireFormatContract {

    @Override
    String transport() {
        return "portable";
    }
}
