package dev.beacon.topics;

/** {@link BadInputContract} on Grizzly's non-blocking output, the embedded default. */
class BadInputDirectTest extends BadInputContract {

    @Override
    String transport() {
        return "direct";
    }
}
