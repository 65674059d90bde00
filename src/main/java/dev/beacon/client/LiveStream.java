package dev.beacon.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A subscription that keeps itself connected. Each connection sends the last event id (the stored one at first);
 * a failed or ended connection is retried after {@link Backoff}'s delay, which honours the server's {@code retry:}.
 * 401, 403, 404 and other refusals that a retry cannot fix end it with the problem's detail; 204 ends it cleanly,
 * as the spec's "stop reconnecting". Listener calls are made under one lock, so they never overlap, even when an
 * aborted connection's last chunk races with the next connection.
 */
final class LiveStream implements BeaconSubscription, SseParser.Handler {

    static final String GAP_EVENT = "beacon-gap";

    /** Holds back reading until the consumer wants more (a Flow subscriber's demand); listeners take all at once. */
    interface Pacer {
        Pacer NONE = more -> more.run();

        void next(Runnable more);
    }

    private final Api api;
    private final URI uri;
    private final String onlyTopic;
    private final BeaconListener listener;
    private final Pacer pacer;
    private final Backoff backoff;
    private final Duration idleTimeout;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Object lock = new Object();
    private volatile String lastEventId;
    private volatile long serverRetry = -1;
    private volatile boolean closed;
    private volatile Attempt current;

    LiveStream(Api api, URI uri, String onlyTopic, String from, BeaconListener listener, Pacer pacer,
               ClientSettings settings) {
        this.api = api;
        this.uri = uri;
        this.onlyTopic = onlyTopic;
        this.lastEventId = from;
        this.listener = listener;
        this.pacer = pacer;
        this.backoff = new Backoff(settings.initialDelay(), settings.maxDelay());
        this.idleTimeout = settings.idleTimeout();
    }

    LiveStream start() {
        connect();
        return this;
    }

    private void connect() {
        if (closed) {
            return;
        }
        Attempt attempt = new Attempt(this, new SseParser(lastEventId, this), idleTimeout);
        current = attempt;
        HttpRequest.Builder request = api.request(uri)
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache");
        String resumeAfter = lastEventId;
        if (resumeAfter != null && !resumeAfter.isEmpty()) {
            request.header("Last-Event-ID", resumeAfter);
        }
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = api.http.sendAsync(request.GET().build(), attempt::handle);
        } catch (RuntimeException e) {
            fail(new BeaconException(uri, BeaconException.NO_RESPONSE, e.getMessage(), e));
            return;
        }
        attempt.watch(sent);
        sent.whenComplete((response, failure) -> ended(attempt, response, failure));
        if (closed) {
            attempt.abort(new IOException("closed"));
        }
    }

    /** The answer was 200 and an event stream: the listener hears so before the first event. */
    void opened(Attempt attempt) {
        synchronized (lock) {
            if (attempt == current && !closed) {
                listener.onOpen();
            }
        }
    }

    /** Feeds a chunk to the parser (the parser calls back below); answers whether to read on. */
    boolean feed(Attempt attempt, SseParser parser, List<ByteBuffer> chunk) {
        synchronized (lock) {
            if (attempt != current || closed) {
                return false;
            }
            for (ByteBuffer buffer : chunk) {
                parser.feed(buffer);
            }
            return !closed;
        }
    }

    void pace(Runnable more) {
        pacer.next(more);
    }

    @Override
    public void event(String id, String type, String data, String topic) {
        if (closed) {
            return;
        }
        if (GAP_EVENT.equals(type)) {
            listener.onGap(gap(data));
            return;
        }
        lastEventId = id.isEmpty() ? null : id;
        backoff.reset();
        listener.onEvent(new BeaconEvent(lastEventId, topic != null ? topic : onlyTopic, type, data));
    }

    private BeaconGap gap(String data) {
        try {
            Map<String, Object> gap = Json.object(data);
            return new BeaconGap(String.valueOf(gap.get("lastEventId")), String.valueOf(gap.get("reason")));
        } catch (IllegalArgumentException e) {
            return new BeaconGap(lastEventId, data);
        }
    }

    @Override
    public void position(String id) {
        if (!closed) {
            lastEventId = id.isEmpty() ? null : id;
            listener.onPosition(id);
        }
    }

    @Override
    public void retry(long millis) {
        serverRetry = millis;
    }

    private void ended(Attempt attempt, HttpResponse<String> response, Throwable failure) {
        if (closed) {
            finish(null);
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (attempt.aborted() != null) {
                cause = attempt.aborted();
            } else if (!(cause instanceof CancellationException)) {
                cause = Api.unreachable(uri, cause);
            }
            reconnect(cause);
            return;
        }
        int status = response.statusCode();
        if (status == 200 && response.body() == null) {
            reconnect(new IOException("The server ended the stream"));
        } else if (status == 204) {
            finish(null);
        } else if (status == 408 || status == 429 || status >= 500) {
            reconnect(Api.refusal(uri, status, response.headers().firstValue("Content-Type"), response.body()));
        } else {
            String body = status == 200 ? "Not an event stream (Content-Type "
                    + response.headers().firstValue("Content-Type").orElse("none") + "): is the URL Beacon's?"
                    : response.body();
            fail(Api.refusal(uri, status, response.headers().firstValue("Content-Type"), body));
        }
    }

    private void reconnect(Throwable cause) {
        Duration delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            delay = backoff.next(serverRetry);
            listener.onReconnecting(cause, delay);
        }
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(this::connect);
    }

    private void fail(BeaconException failure) {
        closed = true;
        finish(failure);
    }

    private void finish(BeaconException failure) {
        closed = true;
        synchronized (lock) {
            boolean first = failure == null ? done.complete(null) : done.completeExceptionally(failure);
            if (first) {
                listener.onClosed(failure); // done() has completed by then
            }
        }
    }

    @Override
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() {
        closed = true;
        Attempt attempt = current;
        if (attempt != null) {
            attempt.abort(new IOException("closed"));
        }
        finish(null);
    }
}
