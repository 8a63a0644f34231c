package org.syncline.protocol.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed logins for one user from one address
 * (or {@value #FREE_FAILURES_PER_ADDRESS} for any user from one address) further attempts are refused for a
 * lock-out that doubles with every failure, up to {@value #MAX_LOCK_SECONDS} s. A success clears the user's
 * count. An entry is forgotten {@value #FORGET_SECONDS} s after its last failure once its lock-out is over,
 * so guessing from many addresses or names does not grow the table without bound.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final long MAX_LOCK_SECONDS = 300;
    static final long FORGET_SECONDS = 2 * MAX_LOCK_SECONDS;
    /** How often, at most, the table is swept for forgotten entries. */
    private static final long SWEEP_MILLIS = 60_000;

    private record Failures(int count, long lockedUntilMillis, long lastFailureMillis) {
        boolean forgotten(long now) {
            return now >= lockedUntilMillis && now - lastFailureMillis >= FORGET_SECONDS * 1000;
        }
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile long lastSweepMillis;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds the caller must still wait, or 0 when a login attempt may proceed. */
    public long secondsLocked(String address, String user) {
        long now = clock.millis();
        sweep(now);
        long wait = Math.max(remaining(key(address, user), now), remaining(address, now));
        return (wait + 999) / 1000;
    }

    public void failed(String address, String user) {
        record(key(address, user), FREE_FAILURES);
        record(address, FREE_FAILURES_PER_ADDRESS);
    }

    public void succeeded(String address, String user) {
        failures.remove(key(address, user));
    }

    /** Entries kept now: for tests and monitoring. */
    int size() {
        return failures.size();
    }

    private void sweep(long now) {
        if (now - lastSweepMillis >= SWEEP_MILLIS) {
            lastSweepMillis = now;
            failures.values().removeIf(f -> f.forgotten(now));
        }
    }

    private void record(String key, int free) {
        long now = clock.millis();
        sweep(now);
        failures.compute(key, (k, f) -> {
            int count = f == null || f.forgotten(now) ? 1 : f.count + 1;
            long lock = 0;
            if (count >= free) {
                long seconds = Math.min(MAX_LOCK_SECONDS, 1L << Math.min(20, count - free));
                lock = now + seconds * 1000;
            }
            return new Failures(count, lock, now);
        });
    }

    private long remaining(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : Math.max(0, f.lockedUntilMillis - now);
    }

    private static String key(String address, String user) {
        return address + "|" + user;
    }
}
