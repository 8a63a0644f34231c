package org.syncline.sync.internal.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives the agent's memory back once a burst of work is over: one full collection (which lets G1 shrink the heap
 * to what the index needs) when no sync pass has ended for {@link #QUIET_SECONDS}, at most one a minute
 * (a full collection of a 100,000-file index costs a few hundred milliseconds). The agent's JVM has no
 * periodic collection, so an agent with nothing changing does no collection work at all (a pass runs only for a
 * change, a push or the rescan every 10 minutes); this is what hands back the memory of an initial sync, of the
 * pages of its own commits read after it, or of a rescan.
 */
final class IdleHeapTrim {
    static final long QUIET_SECONDS = 10;
    private static final long MIN_GAP_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sync-agent heap trim");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> due;
    private long lastCollection = System.nanoTime() - MIN_GAP_NANOS;

    /** A sync pass ended: the collection comes {@link #QUIET_SECONDS} after the last such call. */
    synchronized void worked() {
        if (due != null) {
            due.cancel(false);
        }
        long delay = Math.max(TimeUnit.SECONDS.toNanos(QUIET_SECONDS), lastCollection + MIN_GAP_NANOS - System.nanoTime());
        due = timer.schedule(this::collect, delay, TimeUnit.NANOSECONDS);
    }

    @SuppressWarnings("java:S1215") // an explicit collection is the point: the JVM has no other reason to run one
    private void collect() {
        synchronized (this) {
            lastCollection = System.nanoTime();
        }
        System.gc();
    }
}
