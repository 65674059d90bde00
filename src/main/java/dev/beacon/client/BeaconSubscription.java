package dev.beacon.client;

import java.util.concurrent.CompletableFuture;

/** A running subscription: it reconnects by itself until it is closed or refused for good. */
public interface BeaconSubscription extends AutoCloseable {

    /** The position a reconnect resumes after: the last event id seen, or the one it started from; null for none. */
    String lastEventId();

    /**
     * Completes when the subscription has ended: normally after {@link #close()} or the server's 204, exceptionally
     * with a {@link BeaconException} when it was refused for good.
     */
    CompletableFuture<Void> done();

    /** Stops it; no listener call follows but {@link BeaconListener#onClosed}. Safe to call more than once. */
    @Override
    void close();
}
