package org.syncline.distribution.internal.server;

import java.util.Arrays;

/** Handling times of the last samples (a ring of them), for p50/p99 in {@code distribution.stats}. */
final class IngestTimer {
    private final long[] nanos = new long[100_000];
    private long count;

    synchronized void record(long elapsedNanos) {
        nanos[(int) (count++ % nanos.length)] = elapsedNanos;
    }

    /** p50, p99 and max in microseconds over the kept samples, and how many were handled in all. */
    synchronized long[] summary() {
        int n = (int) Math.min(count, nanos.length);
        if (n == 0) {
            return new long[] {0, 0, 0, 0};
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return new long[] {count, sorted[(int) (n * 0.50)] / 1000, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1000, sorted[n - 1] / 1000};
    }
}
