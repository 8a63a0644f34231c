package org.syncline.distribution;

import java.time.Instant;

/**
 * One alert event to deliver by one outside channel (e-mail or webhook), kept in the master's database:
 * {@code pending} (with the next attempt's time and the last failure as reason), {@code delivered}, or
 * {@code failed} (given up, with the reason), or {@code discarded} by an admin (never sent). {@link Instant#EPOCH}
 * stands for "not yet".
 */
public record OutboxEntry(long id, String channel, long alertId, String event, String target, String state, int attempts,
        Instant createdAt, Instant nextAttempt, Instant doneAt, String reason) {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String DISCARDED = "discarded";

    /** Whether an admin may still retry or discard it: pending or given up. */
    public boolean isOpen() {
        return state.equals(PENDING) || state.equals(FAILED);
    }
}
