package dev.beacon.edge;

/** {@link EdgeAttackContract} on the direct transport, the embedded default. */
class EdgeAttackDirectTest extends EdgeAttackContract {

    @Override
    String transport() {
        return "direct";
    }
}
