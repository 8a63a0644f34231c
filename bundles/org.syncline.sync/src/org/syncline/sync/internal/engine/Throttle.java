package org.syncline.sync.internal.engine;

/**
 * A bandwidth limit in bytes per second (0: none), shared by every transfer of one direction. Callers take
 * the bytes they are about to send or just received; those over the budget wait.
 */
final class Throttle {
    private final long bytesPerSecond;
    private long available;
    private long last = System.nanoTime();

    Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.available = bytesPerSecond;
    }

    void take(long bytes) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            available = Math.min(bytesPerSecond, available + (now - last) * bytesPerSecond / 1_000_000_000L);
            last = now;
            available -= bytes;
            wait = available < 0 ? -available * 1000 / bytesPerSecond : 0;
        }
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
