package dev.beacon.server;

import dev.beacon.hub.SubscriberChannel;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteHandler;
import org.glassfish.grizzly.http.io.NIOOutputStream;
import org.glassfish.grizzly.http.server.Response;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The direct transport: the hub's pre-framed bytes straight into Grizzly's non-blocking output. All frames of a write
 * go into the response buffer and leave in one flush (one socket write for a subscriber that is behind). It writes
 * only when Grizzly says the connection can take more; otherwise it asks to be told, and no thread waits.
 */
final class GrizzlyChannel implements SubscriberChannel {

    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);
    private final Response response;
    private final NIOOutputStream out;
    private final Connection<?> connection;
    private boolean closed;

    /** Takes a suspended response; its status and event-stream headers are set here, before the first write. */
    GrizzlyChannel(Response response, Connection<?> connection) {
        this.response = response;
        this.connection = connection;
        this.out = response.getNIOOutputStream();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
    }

    @Override
    public synchronized CompletionStage<?> write(List<byte[]> frames) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("Stream closed"));
        }
        if (out.canWrite()) {
            return writeNow(frames);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        out.notifyCanWrite(new WriteHandler() {
            @Override
            public void onWritePossible() {
                synchronized (GrizzlyChannel.this) {
                    writeNow(frames).whenComplete((ignored, failure) -> {
                        if (failure == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(failure);
                        }
                    });
                }
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /** Called only when Grizzly guarantees the write will not block. */
    private CompletionStage<?> writeNow(List<byte[]> frames) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("Stream closed"));
        }
        try {
            for (byte[] frame : frames) {
                out.write(frame);
                out.write('\n');
            }
            out.flush();
            return WRITTEN;
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Ends the response with the chunked stream's last chunk when the connection can take it. A connection that cannot
     * (a stalled client, dropped for it) is closed outright instead: finishing its response would block this thread
     * until the write timeout, and it could never read the end anyway.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!response.isSuspended()) {
            return;
        }
        if (out.canWrite()) {
            response.resume();
        } else {
            connection.closeSilently();
        }
    }
}
