package dev.beacon.stream;

/** {@link ResumeContract} on Grizzly's non-blocking output, the embedded default. */
class ResumeDirectTest extends ResumeContract {

    @Override
    String transport() {
        return "direct";
    }
}
