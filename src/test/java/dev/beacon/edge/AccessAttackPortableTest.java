package dev.beacon.edge;

/** {@link AccessAttackContract} on the portable transport. */
class AccessAttackPortableTest extends AccessAttackContract {

    @Override
    String transport() {
        return "portable";
    }
}
