package dev.beacon.stream;

/** {@link FirstConnectionDropContract} on the embedded default transport. */
class FirstConnectionDropDirectTest extends FirstConnectionDropContract {

    @Override
    String transport() {
        return "direct";
    }
}
