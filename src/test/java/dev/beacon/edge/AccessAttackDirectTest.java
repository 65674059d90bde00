package dev.beacon.edge;

/** {@link AccessAttackContract} on the direct transport. */
class AccessAttackDirectTest extends AccessAttackContract {

    @Override
    String transport() {
        return "direct";
    }
}
