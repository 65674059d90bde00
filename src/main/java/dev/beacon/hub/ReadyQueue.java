package dev.beacon.hub;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Subscribers with something to write, on channels that never block: one task at a time drains them one after
 * another. A publish to a thousand such subscribers then costs a queue insert each, not a thread hand-off each, and an
 * idle subscriber's event still leaves at once.
 */
final class ReadyQueue implements Runnable {

    /** Subscribers served per task before it yields the thread to other work. */
    private static final int ROUND = 1024;

    private final Queue<Subscriber> ready = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;
    private final Consumer<Subscriber> drain;

    ReadyQueue(Executor executor, Consumer<Subscriber> drain) {
        this.executor = executor;
        this.drain = drain;
    }

    void add(Subscriber s) {
        ready.add(s);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this);
        }
    }

    @Override
    public void run() {
        for (int i = 0; i < ROUND; i++) {
            Subscriber s = ready.poll();
            if (s == null) {
                break;
            }
            drain.accept(s);
        }
        scheduled.set(false);
        // An add that saw "scheduled" just before it was cleared left its subscriber here: look once more.
        if (!ready.isEmpty() && scheduled.compareAndSet(false, true)) {
            executor.execute(this);
        }
    }
}
