package dev.beacon.hub;

/** A live subscription, as handed back to the transport that opened it. */
public interface Subscription extends AutoCloseable {

    /** Ends it and releases everything it holds; safe to call more than once. */
    @Override
    void close();

    boolean isClosed();
}
