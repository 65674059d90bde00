package dev.beacon.stream;

/** {@link ResumeContract} on the JAX-RS {@code SseEventSink}, as on an app server. */
class ResumePortableTest extends ResumeContract {

    @Override
    String transport() {
        return "portable";
    }
}
