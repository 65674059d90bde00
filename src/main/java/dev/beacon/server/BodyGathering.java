package dev.beacon.server;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.memory.Buffers;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;

/**
 * The body of one request as it arrives, gathered at the edge, on no thread: the request goes on to Grizzly's HTTP
 * server (and Jersey) only once it is whole, so a client that sends slowly never holds a worker thread, whose blocking
 * reads would otherwise wait for it. It is bounded by the request's limit and by a deadline.
 */
final class BodyGathering {

    final HttpRequestPacket request;
    private final int limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ScheduledFuture<?> deadline;

    BodyGathering(HttpRequestPacket request, int limit) {
        this.request = request;
        this.limit = limit;
    }

    void deadline(ScheduledFuture<?> timer) {
        deadline = timer;
    }

    /** Adds a chunk; false when the body has grown past the limit. */
    boolean add(HttpContent content) {
        ByteBuffer bytes = content.getContent().toByteBuffer();
        if (body.size() + bytes.remaining() > limit) {
            return false;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        body.writeBytes(copy);
        return true;
    }

    /** The whole request, header and body, as the one message Grizzly's HTTP server will read it from. */
    HttpContent whole(Connection<?> connection) {
        return HttpContent.builder(request)
                .content(Buffers.wrap(connection.getMemoryManager(), body.toByteArray()))
                .last(true)
                .build();
    }

    /** Done, one way or another: its timer goes. */
    void end() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
