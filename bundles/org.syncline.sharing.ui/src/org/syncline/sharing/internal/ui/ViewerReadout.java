package org.syncline.sharing.internal.ui;

/**
 * The numbers above a viewer's picture: updates painted per second and, while updates arrive, the capture-to-paint
 * latency of the newest one. A still picture is "idle", never an ever-growing latency: its age says nothing about
 * the link. The first update after joining has no latency either, as its capture may be older than the join (the
 * relay keeps the host's last picture for late joiners).
 */
public final class ViewerReadout {
    /** Without a new update for this long the picture counts as idle. */
    public static final long IDLE_AFTER_NANOS = 1_000_000_000L;

    private final FrameRate rate = new FrameRate();
    private long paintedUpdates;
    private long lastNewNanos;
    private long latencyMillis = -1;

    /**
     * A paint of the picture that includes {@code updates} updates, the newest captured at {@code capturedAtMillis}
     * (host clock). Repaints of the same picture (resizes, exposures) change nothing.
     */
    public void painted(long updates, long capturedAtMillis, long nowNanos, long nowMillis) {
        if (updates == paintedUpdates) {
            return;
        }
        boolean first = paintedUpdates == 0;
        paintedUpdates = updates;
        lastNewNanos = nowNanos;
        rate.painted(nowNanos);
        latencyMillis = first ? -1 : Math.max(0, nowMillis - capturedAtMillis);
    }

    /** How many updates the painted picture includes. */
    public long paintedUpdates() {
        return paintedUpdates;
    }

    /** E.g. "29.0 frames/s   latency 35 ms", or "0.0 frames/s   idle (no change for 4 s)". */
    public String text(long nowNanos) {
        double perSecond = rate.perSecond(nowNanos);
        long quiet = nowNanos - lastNewNanos;
        if (paintedUpdates == 0 || quiet > IDLE_AFTER_NANOS) {
            return String.format("%.1f frames/s   idle (no change for %d s)", perSecond,
                    paintedUpdates == 0 ? 0 : quiet / 1_000_000_000L);
        }
        return latencyMillis < 0 ? String.format("%.1f frames/s", perSecond)
                : String.format("%.1f frames/s   latency %d ms", perSecond, latencyMillis);
    }
}
