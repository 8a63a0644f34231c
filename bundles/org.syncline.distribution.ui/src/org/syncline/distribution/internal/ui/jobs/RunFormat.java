package org.syncline.distribution.internal.ui.jobs;

import java.time.Duration;
import java.time.Instant;

import org.syncline.distribution.JobRun;

/** How the Jobs and Job Log views write durations, byte counts and what delta and compression saved. */
final class RunFormat {
    private RunFormat() {
    }

    /** The run's length so far or in all: "850 ms", "12.4 s", "3 min 5 s". */
    static String duration(JobRun r) {
        return duration(millis(r));
    }

    static long millis(JobRun r) {
        Instant end = r.finished() ? r.ended() : Instant.now();
        return Math.max(0, Duration.between(r.started(), end).toMillis());
    }

    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        return ms / 60_000 + " min " + ms % 60_000 / 1000 + " s";
    }

    /** What delta and compression saved: content against wire bytes, "-" when no content moved. */
    static String saving(long content, long wire) {
        if (content <= 0) {
            return "-";
        }
        return Math.round(100.0 * (content - wire) / content) + " %";
    }

    /** created / updated / deleted file counts: "3 / 0 / 1". */
    static String files(JobRun r) {
        return r.filesCreated() + " / " + r.filesUpdated() + " / " + r.filesDeleted();
    }
}
