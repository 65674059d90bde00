package dev.beacon.edge;

/** {@link EdgeAttackContract} on the portable transport ({@code SseEventSink}), as on an app server. */
class EdgeAttackPortableTest extends EdgeAttackContract {

    @Override
    String transport() {
        return "portable";
    }
}
