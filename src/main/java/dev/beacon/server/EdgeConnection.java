package dev.beacon.server;

import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * What the edge keeps of one connection: the body it is gathering, if any, and the stream slot its current request
 * holds, if any. Reads, the deadline's timer, writes and the close may come on different threads.
 */
final class EdgeConnection {

    private BodyGathering gathering;
    private StreamSlots.Slot slot;

    /** The gathering of this request's body, or null when this is a new request. */
    synchronized BodyGathering gathering(HttpRequestPacket request) {
        return gathering != null && gathering.request == request ? gathering : null;
    }

    synchronized void gather(BodyGathering body) {
        gathering = body;
    }

    /** Ends the gathering; true for the one caller that ended it (the last chunk, the deadline, the limit). */
    synchronized boolean endGathering(BodyGathering body) {
        if (gathering != body) {
            return false;
        }
        gathering = null;
        body.end();
        return true;
    }

    synchronized void hold(StreamSlots.Slot stream) {
        releaseStream();
        slot = stream;
    }

    /** The current request's answer is complete, or the connection has gone: its stream slot is free again. */
    synchronized void releaseStream() {
        if (slot != null) {
            slot.release();
            slot = null;
        }
    }

    synchronized void close() {
        releaseStream();
        if (gathering != null) {
            endGathering(gathering);
        }
    }
}
