package dev.beacon.cli;

import dev.beacon.client.BeaconException;
import dev.beacon.client.BeaconListener;
import dev.beacon.client.BeaconSubscription;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What the streaming commands ({@code tail}, {@code jobs follow}) share: the exit status they wait for, and what
 * they report on standard error. A server that cannot be reached on the first attempt ends the command (a wrong URL
 * should not hang); once connected, drops and restarts are retried for as long as it takes, and each is reported.
 */
abstract class Watch implements BeaconListener {

    final PrintWriter err;
    private final String url;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile BeaconSubscription subscription;
    private volatile boolean opened;

    Watch(PrintWriter err, String url) {
        this.err = err;
        this.url = url;
    }

    /** Waits until the command is done; answers its exit status. */
    int await(BeaconSubscription running) throws InterruptedException {
        subscription = running;
        if (exit.isDone()) {
            running.close();
        }
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            running.close();
        }
    }

    /** Ends the command with this status. */
    void exit(int status) {
        if (exit.complete(status)) {
            BeaconSubscription running = subscription;
            if (running != null) {
                running.close();
            }
        }
    }

    @Override
    public void onOpen() {
        if (opened) {
            err.println("beacon: connected again");
            err.flush();
        }
        opened = true;
    }

    @Override
    public void onReconnecting(Throwable cause, Duration delay) {
        if (!opened && cause instanceof BeaconException failure && failure.unreachable()) {
            err.println(ExitCodes.explain(failure, url));
            err.flush();
            exit(ExitCodes.UNREACHABLE);
            return;
        }
        String why = cause instanceof BeaconException failure && failure.detail() != null ? failure.detail()
                : message(cause);
        err.printf(java.util.Locale.ROOT, "beacon: connection lost (%s); reconnecting in %.1f s%n", why,
                delay.toMillis() / 1000.0);
        err.flush();
    }

    @Override
    public void onClosed(BeaconException failure) {
        if (failure != null) {
            err.println(ExitCodes.explain(failure, url));
            err.flush();
            exit(ExitCodes.of(failure));
        } else {
            exit(ExitCodes.OK);
        }
    }

    private static String message(Throwable cause) {
        Throwable root = cause;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
