package dev.beacon.topics;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A publish's body, read with the servlet API's non-blocking input as it arrives, so a client that sends slowly holds
 * no thread; at most {@code limit} bytes (one past the largest body, enough to refuse a larger one) are read. Once it
 * is whole, {@code whole} runs on a container thread ({@link AsyncContext#start}: some containers call a
 * {@link ReadListener} on their I/O threads, which must not wait for a store), then the request completes. If the
 * body is not whole when the asynchronous request times out, {@code late} answers instead. Exactly one of the two
 * answers; a client that leaves or sends a broken body gets neither.
 */
final class PublishBody implements ReadListener, AsyncListener {

    private static final int READING = 0;
    private static final int PUBLISHING = 1;
    private static final int DONE = 2;
    /** How long a timeout that comes during the publish waits for it: longer than any store's own timeout. */
    private static final long PUBLISH_WAIT_SECONDS = 60;

    private final AsyncContext async;
    private final ServletInputStream input;
    private final int limit;
    private final Consumer<byte[]> whole;
    private final Runnable late;
    private final AtomicInteger state = new AtomicInteger(READING);
    private final CountDownLatch answered = new CountDownLatch(1);
    private byte[] body;
    private int size;

    PublishBody(AsyncContext async, ServletInputStream input, int initialCapacity, int limit, Consumer<byte[]> whole,
                Runnable late) {
        this.async = async;
        this.input = input;
        this.limit = limit;
        this.body = new byte[Math.max(1, Math.min(initialCapacity, limit))];
        this.whole = whole;
        this.late = late;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (state.get() == READING && input.isReady()) {
            if (size == body.length) {
                body = Arrays.copyOf(body, (int) Math.min((long) body.length * 2, limit));
            }
            int read = input.read(body, size, body.length - size);
            if (read < 0) {
                return; // onAllDataRead follows
            }
            size += read;
            if (size == limit) {
                whole(); // larger than allowed: the rest is never read
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        whole();
    }

    private void whole() {
        if (!state.compareAndSet(READING, PUBLISHING)) {
            return;
        }
        byte[] bytes = Arrays.copyOf(body, size);
        async.start(() -> {
            try {
                whole.accept(bytes);
            } finally {
                state.set(DONE);
                answered.countDown();
                async.complete();
            }
        });
    }

    /** The client has gone, or its body broke off: nobody to answer. */
    @Override
    public void onError(Throwable failure) {
        if (state.compareAndSet(READING, DONE)) {
            async.complete();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
        if (state.compareAndSet(READING, DONE)) {
            try {
                late.run();
            } finally {
                async.complete();
            }
            return;
        }
        // The body came in time and its publish is under way: its answer stands, and completes the request.
        try {
            answered.await(PUBLISH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // nothing held
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
