package org.syncline.sync.internal.cli;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gives the agent's memory back once a burst of work is over: one full collection (which lets G1 shrink the heap
 * to what the index needs) when no sync pass has run for {@link #QUIET_SECONDS}, at most one a minute
 * (a full collection of a 100,000-file index costs a few hundred milliseconds), never while a pass of any
 * folder runs, and once per quiet period. The agent's JVM has no periodic collection, so an agent with nothing
 * changing does no collection work at all (a pass runs only for a change, a push or the rescan every 10
 * minutes); this is what hands back the memory of an initial sync, of the pages of its own commits read after
 * it, or of a rescan.
 */
final class IdleHeapTrim {
    static final long QUIET_SECONDS = 10;
    static final long MIN_GAP_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** Runs a task once after a delay; what it returns cancels it (a task already running may still run). */
    interface Scheduler {
        Runnable schedule(Runnable task, long delayNanos);
    }

    private final Scheduler scheduler;
    private final LongSupplier clock;
    private final Runnable collector;
    /** The folders (their engines) whose pass runs now. */
    private final Set<Object> busy = new HashSet<>();
    private Runnable cancelDue;
    /** Bumped by every schedule and cancel, so a cancelled task that runs anyway does nothing. */
    private long generation;
    /** A pass ended since the last collection: there is something to give back. */
    private boolean worked;
    private long lastCollection;

    /** On its own daemon thread, with {@link System#gc()}. */
    IdleHeapTrim() {
        this(daemonScheduler(), System::nanoTime, IdleHeapTrim::fullCollection);
    }

    IdleHeapTrim(Scheduler scheduler, LongSupplier clock, Runnable collector) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.collector = collector;
        this.lastCollection = clock.getAsLong() - MIN_GAP_NANOS;
    }

    /** {@code folder}'s pass started: no collection until every pass has ended and the quiet time passed. */
    synchronized void busy(Object folder) {
        busy.add(folder);
        cancel();
    }

    /**
     * {@code folder}'s pass ended (synced, offline or failed): when no other pass runs, the collection comes
     * {@link #QUIET_SECONDS} later, or later still to keep a minute since the last one. A folder that was not busy
     * changes nothing.
     */
    synchronized void idle(Object folder) {
        if (!busy.remove(folder)) {
            return;
        }
        worked = true;
        if (busy.isEmpty()) {
            cancel();
            long delay = Math.max(TimeUnit.SECONDS.toNanos(QUIET_SECONDS), lastCollection + MIN_GAP_NANOS - clock.getAsLong());
            long mine = generation;
            cancelDue = scheduler.schedule(() -> collect(mine), delay);
        }
    }

    private void cancel() {
        generation++;
        if (cancelDue != null) {
            cancelDue.run();
            cancelDue = null;
        }
    }

    private void collect(long scheduledAs) {
        synchronized (this) {
            if (scheduledAs != generation || !busy.isEmpty() || !worked) {
                return;
            }
            worked = false;
            cancelDue = null;
            lastCollection = clock.getAsLong();
        }
        collector.run();
    }

    private static Scheduler daemonScheduler() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-agent heap trim");
            t.setDaemon(true);
            return t;
        });
        return (task, delayNanos) -> {
            ScheduledFuture<?> f = timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }

    @SuppressWarnings("java:S1215") // an explicit collection is the point: the JVM has no other reason to run one
    private static void fullCollection() {
        System.gc();
    }
}
