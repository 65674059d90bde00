package dev.beacon.server;

import dev.beacon.hub.SubscriberChannel;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteHandler;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The direct transport: once the response headers are out, the hub's pre-framed bytes go straight into the
 * connection's asynchronous write queue as HTTP chunks, past Grizzly's HTTP layer and its per-write work. All frames
 * of a write leave as one chunk in one socket write. It writes only while the
 * queue can take more, else it asks to be told, so no thread ever waits on a slow client.
 */
final class GrizzlyChannel implements SubscriberChannel {

    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);
    private static final System.Logger LOG = System.getLogger(GrizzlyChannel.class.getName());
    private final Response response;
    private final Connection<SocketAddress> connection;
    private final AsyncQueueWriter<SocketAddress> writer;
    private final MemoryManager memory;
    private boolean closed;

    @SuppressWarnings("unchecked")
    GrizzlyChannel(Response response, Connection<?> connection) {
        this.response = response;
        this.connection = (Connection<SocketAddress>) connection;
        this.writer = (AsyncQueueWriter<SocketAddress>) connection.getTransport().getWriter(false);
        this.memory = connection.getMemoryManager();
    }

    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public synchronized CompletionStage<?> write(List<byte[]> frames) {
        if (closed || !connection.isOpen()) {
            return CompletableFuture.failedFuture(new IOException("Stream closed"));
        }
        if (writer.canWrite(connection)) {
            return writeNow(frames);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        writer.notifyWritePossible(connection, new WriteHandler() {
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

    /**
     * One HTTP/1.1 chunk for the whole write (RFC 9112, section 7.1: size in hex, CRLF, data, CRLF), each frame followed
     * by the blank line that ends it.
     */
    private CompletionStage<?> writeNow(List<byte[]> frames) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("Stream closed"));
        }
        int size = 0;
        for (byte[] frame : frames) {
            size += frame.length + 1;
        }
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[head.length + size + 2];
        System.arraycopy(head, 0, chunk, 0, head.length);
        int at = head.length;
        for (byte[] frame : frames) {
            System.arraycopy(frame, 0, chunk, at, frame.length);
            at += frame.length;
            chunk[at++] = '\n';
        }
        chunk[at++] = '\r';
        chunk[at] = '\n';
        return send(chunk);
    }

    private CompletionStage<?> send(byte[] bytes) {
        try {
            writer.write(connection, Buffers.wrap(memory, bytes));
            return WRITTEN;
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Ends the stream: resuming the suspended response has Grizzly write the last chunk after what is queued and
     * recycle the request's objects (a response left suspended would keep them for good). A stalled client, which
     * could never read the rest, is cut off first, so nothing of it is held until the write timeout.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!writer.canWrite(connection)) {
            connection.terminateSilently();
        }
        try {
            if (response.isSuspended()) {
                response.resume();
            }
        } catch (RuntimeException gone) {
            LOG.log(System.Logger.Level.DEBUG, "Ending a stream whose connection had gone", gone);
        }
    }
}
