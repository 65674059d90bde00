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
 * is whole, {@code whole} runs and the request completes: at once when the body was already there as the filter
 * registered this listener (the usual small publish: no thread hand-over), else on a container thread
 * ({@link AsyncContext#start}: some containers call a {@link ReadListener} on their I/O threads, which must not wait
 * for a store). If the body is not whole when the asynchronous request times out, {@code late} answers instead.
 * Exactly one of the two answers; a client that leaves or sends a broken body gets neither.
 *
 * <p>The body is whole when its declared length has been read, or, without one, when the container says so
 * ({@link #onAllDataRead()}). It is never taken as whole right after {@link ServletInputStream#isReady()} has said
 * false: on Payara that answer may schedule a callback on another thread, which fails inside Payara (a stack trace in
 * its log) when it runs after the request has completed; the container calls back instead, and the body is whole
 * there. {@link ServletInputStream#isFinished()} is not asked: Payara says true once the body has arrived, before it
 * has been read.
 */
final class PublishBody implements ReadListener, AsyncListener {

    private static final int READING = 0;
    private static final int PUBLISHING = 1;
    private static final int DONE = 2;
    /** How long a timeout that comes during the publish waits for it: longer than any store's own timeout. */
    private static final long PUBLISH_WAIT_SECONDS = 60;

    private final AsyncContext async;
    private final ServletInputStream input;
    private final long declared;
    private final int limit;
    private final Consumer<byte[]> whole;
    private final Runnable late;
    private final AtomicInteger state = new AtomicInteger(READING);
    private final CountDownLatch answered = new CountDownLatch(1);
    private byte[] body;
    private int size;
    /** The filter's thread while it registers this listener: a body that is whole by then is answered there. */
    private volatile Thread registering;

    /**
     * @param declared the body's {@code Content-Length}, or -1 for none (chunked)
     * @param limit    bytes read at most
     */
    PublishBody(AsyncContext async, ServletInputStream input, long declared, int limit, Consumer<byte[]> whole,
                Runnable late) {
        this.async = async;
        this.input = input;
        this.declared = declared;
        this.limit = limit;
        this.body = new byte[(int) Math.max(1, Math.min(declared < 0 ? 1024 : declared + 1, limit))];
        this.whole = whole;
        this.late = late;
    }

    /** Registers this listener on the request's input; the container calls it from then on. */
    void register() {
        registering = Thread.currentThread();
        try {
            input.setReadListener(this);
        } finally {
            registering = null;
        }
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (state.get() == READING && !declaredRead() && input.isReady() && read() >= 0) {
            if (size == limit) {
                whole(); // larger than allowed: the rest is never read
                return;
            }
        }
        if (declaredRead()) {
            whole();
        }
    }

    /** Some containers (Payara) say so with the last bytes still to be read: those are read first. */
    @Override
    public void onAllDataRead() throws IOException {
        while (state.get() == READING && size < limit && input.available() > 0 && read() >= 0) {
            // available() asks nothing of the container, where isReady() might schedule another callback
        }
        whole();
    }

    private boolean declaredRead() {
        return declared >= 0 && size >= declared;
    }

    /** Reads into the body what one read gives: the count, -1 at its end. */
    private int read() throws IOException {
        if (size == body.length) {
            body = Arrays.copyOf(body, (int) Math.min((long) body.length * 2, limit));
        }
        int read = input.read(body, size, body.length - size);
        if (read > 0) {
            size += read;
        }
        return read;
    }

    private void whole() {
        if (!state.compareAndSet(READING, PUBLISHING)) {
            return;
        }
        byte[] bytes = Arrays.copyOf(body, size);
        Runnable answer = () -> {
            try {
                whole.accept(bytes);
            } finally {
                state.set(DONE);
                answered.countDown();
                async.complete();
            }
        };
        if (registering == Thread.currentThread()) {
            answer.run(); // the filter's own request thread, which JAX-RS would have used
        } else {
            async.start(answer);
        }
    }

    /** The client has gone, or its body broke off: nobody to answer. */
    @Override
    public void onError(Throwable failure) {
        if (state.compareAndSet(READING, DONE)) {
            async.complete();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
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
