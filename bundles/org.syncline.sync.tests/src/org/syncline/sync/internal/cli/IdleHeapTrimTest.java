package org.syncline.sync.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The heap trim on a hand-driven clock and scheduler: the collector action counts collections, time moves only
 * when the test says, so nothing here depends on how fast the machine is.
 */
class IdleHeapTrimTest {
    private static final long QUIET = TimeUnit.SECONDS.toNanos(IdleHeapTrim.QUIET_SECONDS);

    /** A scheduler whose tasks run when {@link #advance} passes their time; cancelled ones never. */
    private static final class ManualTime implements IdleHeapTrim.Scheduler {
        private long now = 1_000_000_000_000L;
        private final List<Task> tasks = new ArrayList<>();

        private static final class Task {
            final Runnable run;
            final long at;
            boolean cancelled;
            boolean done;

            Task(Runnable run, long at) {
                this.run = run;
                this.at = at;
            }
        }

        @Override
        public Runnable schedule(Runnable task, long delayNanos) {
            Task t = new Task(task, now + delayNanos);
            tasks.add(t);
            return () -> t.cancelled = true;
        }

        long now() {
            return now;
        }

        void advance(long nanos) {
            long until = now + nanos;
            while (true) {
                Task next = tasks.stream().filter(t -> !t.cancelled && !t.done && t.at <= until)
                        .min((a, b) -> Long.compare(a.at, b.at)).orElse(null);
                if (next == null) {
                    break;
                }
                now = next.at;
                next.done = true;
                next.run.run();
            }
            now = until;
        }

        /** Runs every task ever scheduled, cancelled or not, as a timer that lost the race with cancel would. */
        void runEvenCancelled() {
            for (Task t : List.copyOf(tasks)) {
                if (!t.done) {
                    t.done = true;
                    t.run.run();
                }
            }
        }
    }

    private final ManualTime time = new ManualTime();
    private int collections;
    private final IdleHeapTrim trim = new IdleHeapTrim(time, time::now, () -> collections++);
    private final Object docs = "docs";
    private final Object photos = "photos";

    @Test
    void oneCollectionComesAfterTheQuietTimeOnceAPassEnded() {
        trim.busy(docs);
        trim.idle(docs);
        time.advance(QUIET - 1);
        assertEquals(0, collections, "not before the quiet time");
        time.advance(1);
        assertEquals(1, collections, "it ran once the folder was quiet");
        time.advance(TimeUnit.HOURS.toNanos(5));
        assertEquals(1, collections, "one per quiet period, however long it lasts");
    }

    @Test
    void aPassThatRunsWhenTheCollectionIsDueHoldsItUntilThePassEnds() {
        trim.busy(docs);
        trim.idle(docs);
        time.advance(QUIET / 2);
        trim.busy(docs);
        time.advance(TimeUnit.MINUTES.toNanos(10));
        assertEquals(0, collections, "never during a pass, however long it runs");
        trim.idle(docs);
        time.advance(QUIET);
        assertEquals(1, collections);
    }

    @Test
    void whileOneFolderSyncsAnotherFoldersEndDoesNotCollect() {
        trim.busy(docs);
        trim.busy(photos);
        trim.idle(docs);
        time.advance(TimeUnit.MINUTES.toNanos(5));
        assertEquals(0, collections, "photos still syncs");
        trim.idle(photos);
        time.advance(QUIET);
        assertEquals(1, collections);
    }

    @Test
    void aTaskThatRunsAfterItsCancelDoesNotCollectDuringThePass() {
        trim.busy(docs);
        trim.idle(docs);
        trim.busy(docs);
        time.runEvenCancelled();
        assertEquals(0, collections, "the pass that started cancelled it");
        trim.idle(docs);
        time.advance(QUIET);
        assertEquals(1, collections);
    }

    @Test
    void collectionsKeepAMinuteApartAndIdleFoldersThatDidNoWorkCollectNothing() {
        trim.busy(docs);
        trim.idle(docs);
        time.advance(QUIET);
        assertEquals(1, collections);
        trim.busy(docs);
        trim.idle(docs);
        time.advance(QUIET);
        assertEquals(1, collections, "the next one keeps a minute from the last");
        time.advance(IdleHeapTrim.MIN_GAP_NANOS - QUIET);
        assertEquals(2, collections, "and then it comes");

        trim.idle(photos);
        time.advance(TimeUnit.HOURS.toNanos(1));
        assertEquals(2, collections, "a state change of a folder that ran no pass is not work");
    }
}
