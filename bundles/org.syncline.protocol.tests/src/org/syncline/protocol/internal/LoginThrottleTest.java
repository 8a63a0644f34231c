package org.syncline.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.syncline.testing.ManualClock;

class LoginThrottleTest {
    /** A clock the test moves by hand. */

    @Test
    void locksAfterFreeFailuresForATimeThatDoublesAndThenLifts() {
        ManualClock clock = new ManualClock();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            t.failed("10.0.0.1", "alice");
            assertEquals(0, t.secondsLocked("10.0.0.1", "alice"), "failure " + (i + 1) + " is free");
        }
        t.failed("10.0.0.1", "alice");
        assertEquals(1, t.secondsLocked("10.0.0.1", "alice"));
        t.failed("10.0.0.1", "alice");
        assertEquals(2, t.secondsLocked("10.0.0.1", "alice"));
        assertEquals(0, t.secondsLocked("10.0.0.2", "alice"), "another address is not locked");
        clock.advance(java.time.Duration.ofMillis(2_000));
        assertEquals(0, t.secondsLocked("10.0.0.1", "alice"), "the lock lifts when its time is over");
        t.succeeded("10.0.0.1", "alice");
        t.failed("10.0.0.1", "alice");
        assertEquals(0, t.secondsLocked("10.0.0.1", "alice"), "a success starts the count again");
    }

    @Test
    void entriesAreForgottenSoTheTableDoesNotGrowWithoutBound() {
        ManualClock clock = new ManualClock();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < 1000; i++) {
            t.failed("10.0." + (i / 250) + "." + (i % 250), "user" + i);
        }
        assertTrue(t.size() >= 1000, "failures are remembered: " + t.size());
        clock.advance(java.time.Duration.ofMillis(LoginThrottle.FORGET_SECONDS * 1000 + 1));
        t.secondsLocked("10.9.9.9", "someone");
        assertEquals(0, t.size(), "every entry was forgotten");
    }
}
