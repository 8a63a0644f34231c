package org.syncline.sharing.internal.server;

import java.util.function.LongSupplier;

/**
 * A rate limit for one participant: {@code capacity} actions at once, refilled at {@code perSecond}. The clock
 * is given so the limit can be tested without waiting.
 */
final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    TokenBucket(int capacity, double perSecond, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Takes one token; false when none is left (the action is refused). */
    synchronized boolean tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
