package dev.beacon.stream;

import dev.beacon.hub.SubscriberChannel;
import dev.beacon.hub.Subscription;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The servlet transport's channel: the hub's pre-framed bytes written to an asynchronous request's output in
 * non-blocking mode (Servlet 6: {@link WriteListener}, {@link ServletOutputStream#isReady()}), all frames of a write
 * as one {@code write} and one {@code flush}, no JAX-RS work per event. It writes only while the container says it can
 * take more; otherwise the write completes when the container calls {@link #onWritePossible()}, so no thread ever
 * waits on a slow client and the hub sees the back-pressure.
 * <p>
 * Until {@link #start} (the subscription made, the request put in asynchronous mode) writes wait here, so a refused
 * subscription is still answered with a plain 4xx. The client's leaving reaches the hub as a failed write (the
 * heartbeat finds it) or as the container's error or completion of the asynchronous request.
 */
final class ServletChannel implements SubscriberChannel, WriteListener, AsyncListener {

    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.completedFuture(null);
    private AsyncContext async;
    private ServletOutputStream output;
    private Subscription subscription;
    private boolean closed;
    /** Bytes the container has not taken yet, and the write they complete. */
    private byte[] pending;
    private boolean unflushed;
    private CompletableFuture<Void> done;

    @Override
    public boolean nonBlocking() {
        return true;
    }

    /**
     * The request is asynchronous now: its output gets this as its listener, and what waited is written. The output is
     * shared with the hub's writers only once the listener is set: before that, {@code isReady()} is not to be asked
     * (Undertow throws), so a write racing with the start would end the stream.
     */
    void start(AsyncContext async, Subscription subscription) throws IOException {
        ServletOutputStream stream = async.getResponse().getOutputStream();
        async.addListener(this);
        boolean ended;
        synchronized (this) {
            this.async = async;
            this.subscription = subscription;
            ended = closed;
        }
        if (ended) { // the hub ended it first (a token that expired at once): an empty, whole response
            async.complete();
            return;
        }
        try {
            // The container calls onWritePossible once the output can take bytes; that writes what waited.
            stream.setWriteListener(this);
        } catch (IllegalStateException e) {
            synchronized (this) {
                if (!closed) {
                    throw e;
                }
            }
            return;
        }
        synchronized (this) {
            output = stream;
        }
        // In case the container's first onWritePossible came before the output was shared: it found nothing to do.
        drain();
    }

    @Override
    public CompletionStage<?> write(List<byte[]> frames) {
        CompletableFuture<Void> result;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IOException("Stream closed"));
            }
            pending = join(frames);
            result = new CompletableFuture<>();
            done = result;
        }
        return drain() ? WRITTEN : result;
    }

    /** Every frame followed by the blank line that ends it. */
    private static byte[] join(List<byte[]> frames) {
        int size = 0;
        for (int i = 0; i < frames.size(); i++) { // indexed: no iterator per write on the hot path
            size += frames.get(i).length + 1;
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            System.arraycopy(frame, 0, bytes, at, frame.length);
            at += frame.length;
            bytes[at++] = '\n';
        }
        return bytes;
    }

    @Override
    public void onWritePossible() {
        drain();
    }

    /**
     * Hands what waits to the container as far as it takes it: the bytes, then a flush, each only while
     * {@code isReady()}; a {@code false} there means the container calls {@link #onWritePossible()} later. True when
     * everything went (the write then completes at once).
     */
    private boolean drain() {
        CompletableFuture<Void> completed;
        try {
            synchronized (this) {
                if (output == null || closed) {
                    return false;
                }
                if (pending != null) {
                    if (!output.isReady()) {
                        return false;
                    }
                    output.write(pending);
                    pending = null;
                    unflushed = true;
                }
                if (unflushed) {
                    if (!output.isReady()) {
                        return false;
                    }
                    output.flush();
                    unflushed = false;
                    if (!output.isReady()) {
                        return false; // the flush is under way: it is done when onWritePossible comes
                    }
                }
                completed = done;
                done = null;
            }
        } catch (IOException | IllegalStateException e) {
            onError(e);
            return false;
        }
        if (completed != null) {
            completed.complete(null);
        }
        return true;
    }

    @Override
    public void onError(Throwable failure) {
        CompletableFuture<Void> failed;
        Subscription ended;
        synchronized (this) {
            failed = done;
            done = null;
            ended = subscription;
        }
        if (failed != null) {
            failed.completeExceptionally(failure);
        }
        if (ended != null) {
            ended.close(); // the hub releases the subscriber, which closes this
        }
    }

    /** Ends the response; the container finishes writing what it has and closes or keeps the connection. */
    @Override
    public void close() {
        AsyncContext started;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
            started = async; // not started: start completes it
        }
        if (started != null) {
            try {
                started.complete();
            } catch (IllegalStateException alreadyEnded) {
                // the container ended the request first (the client left)
            }
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        onError(new IOException("Stream ended"));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        onError(new IOException("Stream timed out"));
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable() != null ? event.getThrowable() : new IOException("Stream failed"));
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
