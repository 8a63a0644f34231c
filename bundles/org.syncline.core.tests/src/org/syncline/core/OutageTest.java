package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class OutageTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant SINCE = Instant.parse("2026-11-23T13:32:10Z"); // 14:32 in Berlin

    @Test
    void namesTheLocalTimeTheReasonAndTheNextAttempt() {
        Instant now = SINCE.plusSeconds(20);
        assertEquals("offline since 14:32 (connection refused, retrying in 5 s)",
                new Outage(SINCE, "connection refused", now.plusMillis(4200)).describe(now, BERLIN));
        assertEquals("offline since 14:32 (connection refused)", new Outage(SINCE, "connection refused", null).describe(now, BERLIN));
        assertEquals("offline since 14:32 (retrying in 5 s)", new Outage(SINCE, null, now.plusSeconds(5)).describe(now, BERLIN));
        assertEquals("offline since 14:32", new Outage(SINCE, null, null).describe(now, BERLIN));
        assertEquals("offline since 13:32", new Outage(SINCE, null, null).describe(now, ZoneId.of("UTC")), "the zone given, not UTC by default");
    }

    @Test
    void anAttemptDueOrLateIsNowAndALongWaitIsInMinutes() {
        Instant now = SINCE.plusSeconds(60);
        assertEquals("offline since 14:32 (lost, retrying now)", new Outage(SINCE, "lost", now.minusMillis(300)).describe(now, BERLIN));
        assertEquals("offline since 14:32 (lost, retrying in 3 min)", new Outage(SINCE, "lost", now.plusSeconds(150)).describe(now, BERLIN));
    }

    @Test
    void anOutageFromAnotherDayShowsItsDate() {
        Instant nextDay = Instant.parse("2026-11-24T08:00:00Z");
        assertEquals("offline since 2026-11-23 14:32 (connection refused)", new Outage(SINCE, "connection refused", null).describe(nextDay, BERLIN));
        // 23:30 UTC is still the 23rd in UTC but already the 24th in Berlin: the day is the zone's
        Instant lateUtc = Instant.parse("2026-11-23T23:30:00Z");
        assertEquals("offline since 2026-11-23 14:32", new Outage(SINCE, null, null).describe(lateUtc, BERLIN));
        assertEquals("offline since 13:32", new Outage(SINCE, null, null).describe(lateUtc, ZoneId.of("UTC")));
    }
}
