package dev.beacon.stream;

/** {@link ReplayUnderLoadContract} on Grizzly's non-blocking output, the embedded default. */
class ReplayUnderLoadDirectTest extends ReplayUnderLoadContract {

    @Override
    String transport() {
        return "direct";
    }
}
