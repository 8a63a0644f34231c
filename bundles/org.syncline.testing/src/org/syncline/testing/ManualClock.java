package org.syncline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it: for code that takes a {@link Clock} (expiries, backoffs, heartbeats). */
public final class ManualClock extends Clock {
    private volatile Instant now;

    /** A clock at 2026-11-22T12:00:00Z. */
    public ManualClock() {
        this(Instant.parse("2026-11-22T12:00:00Z"));
    }

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward by {@code step}. */
    public void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
