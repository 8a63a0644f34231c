package org.syncline.sharing.internal.ui;

import java.util.ArrayDeque;

/** Frames painted in the last second. */
final class FrameRate {
    private static final long SECOND = 1_000_000_000L;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    void painted(long nanos) {
        times.addLast(nanos);
        drop(nanos);
    }

    double perSecond(long nanos) {
        drop(nanos);
        return times.size();
    }

    private void drop(long nanos) {
        while (!times.isEmpty() && nanos - times.peekFirst() > SECOND) {
            times.removeFirst();
        }
    }
}
