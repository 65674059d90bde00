package dev.beacon.stream;

/** {@link WireFormatContract} on Grizzly's non-blocking output, the embedded default. */
class WireFormatDirectTest extends WireFormatContract {

    @Override
    String transport() {
        return "direct";
    }
}
