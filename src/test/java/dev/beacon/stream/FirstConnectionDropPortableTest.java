package dev.beacon.stream;

/** {@link FirstConnectionDropContract} on the portable {@code SseEventSink} transport. */
class FirstConnectionDropPortableTest extends FirstConnectionDropContract {

    @Override
    String transport() {
        return "portable";
    }
}
