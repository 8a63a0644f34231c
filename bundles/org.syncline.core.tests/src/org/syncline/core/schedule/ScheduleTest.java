package org.syncline.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class ScheduleTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static Clock clock(String local, ZoneId zone) {
        return Clock.fixed(at(local, zone), zone);
    }

    private static String next(String cron, String now, ZoneId zone) {
        Schedule s = new Schedule.Cron(CronExpression.parse(cron), null);
        return s.next(clock(now, zone)).map(i -> LocalDateTime.ofInstant(i, zone).toString()).orElse("never");
    }

    @Test
    void listsRangesStepsAndNames() {
        assertEquals("2026-11-23T22:00", next("0 22 * * MON-FRI", "2026-11-22T23:00", UTC), "Sunday night -> Monday");
        assertEquals("2026-11-22T10:15", next("*/15 * * * *", "2026-11-22T10:00", UTC), "strictly after now");
        assertEquals("2026-11-22T10:05", next("5,35 10-12 * * *", "2026-11-22T10:00", UTC));
        assertEquals("2026-11-22T12:35", next("5,35 10-12 * * *", "2026-11-22T12:05", UTC));
        assertEquals("2026-11-23T10:05", next("5,35 10-12 * * *", "2026-11-22T12:35", UTC));
        assertEquals("2027-01-01T00:00", next("@yearly", "2026-11-22T12:00", UTC));
        assertEquals("2026-11-29T03:00", next("0 3 * * 7", "2026-11-22T12:00", UTC), "7 is Sunday too");
        assertEquals("2026-12-01T00:00", next("0 0 * DEC *", "2026-11-22T12:00", UTC));
        assertEquals("2026-11-22T13:00", next("0 1-23/4 * * *", "2026-11-22T12:00", UTC), "1, 5, 9, 13...");
    }

    @Test
    void monthEndsAndLeapDays() {
        assertEquals("2026-05-31T00:00", next("0 0 31 * *", "2026-03-31T12:00", UTC), "April has no 31st");
        assertEquals("2028-02-29T06:00", next("0 6 29 2 *", "2026-11-22T00:00", UTC), "the next leap day");
        assertEquals("never", next("0 0 30 2 *", "2026-11-22T00:00", UTC));
        assertEquals("2026-12-01T00:00", next("0 0 1 * *", "2026-11-30T23:59", UTC));
    }

    @Test
    void bothDayFieldsRestrictedMeansEither() {
        // the 13th or any Friday: Friday 2026-11-27 comes before Sunday 2026-12-13
        assertEquals("2026-11-27T00:00", next("0 0 13 * FRI", "2026-11-22T00:00", UTC));
    }

    @Test
    void daylightSavingGapAndOverlap() {
        // 2026-03-29: Berlin jumps from 02:00 to 03:00; 02:30 fires at 03:30 local, once
        Instant spring = new Schedule.Cron(CronExpression.parse("30 2 * * *"), null).next(clock("2026-03-29T00:00", BERLIN)).orElseThrow();
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), spring);
        // 2026-10-25: 02:30 happens twice (CEST, then CET); it fires at the first only
        Schedule s = new Schedule.Cron(CronExpression.parse("30 2 * * *"), null);
        Instant first = s.next(clock("2026-10-25T00:00", BERLIN)).orElseThrow();
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first);
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"), s.next(first, BERLIN).orElseThrow(), "not again an hour later");
    }

    @Test
    void badExpressionsAreRefusedWithTheField() {
        assertRefused("0 22 * *", "five");
        assertRefused("61 * * * *", "minute");
        assertRefused("0 25 * * *", "hour");
        assertRefused("0 0 * FOO *", "month");
        assertRefused("0 0 * * 3-1", "backwards");
        assertRefused("*/0 * * * *", "minute");
    }

    private static void assertRefused(String cron, String says) {
        SynclineException e = assertThrows(SynclineException.class, () -> CronExpression.parse(cron));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void cronInsideAnOffPeakWindow() {
        Schedule s = new Schedule.Cron(CronExpression.parse("0 * * * *"), TimeWindow.parse("22:00-06:00"));
        assertEquals(Optional.of(at("2026-11-22T22:00", UTC)), s.next(clock("2026-11-22T12:10", UTC)));
        assertEquals(Optional.of(at("2026-11-23T05:00", UTC)), s.next(clock("2026-11-23T04:30", UTC)));
        assertEquals(Optional.of(at("2026-11-23T22:00", UTC)), s.next(clock("2026-11-23T05:00", UTC)), "06:00 is outside");
    }

    @Test
    void intervalsCountFromTheirAnchorAndMoveToTheWindowsOpening() {
        Instant anchor = at("2026-11-22T10:00", UTC);
        Schedule every = new Schedule.Interval(Duration.ofMinutes(45), anchor, null);
        assertEquals(at("2026-11-22T10:45", UTC), every.next(clock("2026-11-22T10:00", UTC)).orElseThrow());
        assertEquals(at("2026-11-22T12:15", UTC), every.next(clock("2026-11-22T11:40", UTC)).orElseThrow());
        assertEquals(anchor, every.next(clock("2026-11-22T09:00", UTC)).orElseThrow(), "before the anchor: the anchor");
        Schedule offPeak = new Schedule.Interval(Duration.ofHours(2), anchor, TimeWindow.parse("22:00-06:00"));
        assertEquals(at("2026-11-22T22:00", UTC), offPeak.next(clock("2026-11-22T12:30", UTC)).orElseThrow());
        assertEquals(at("2026-11-23T00:00", UTC), offPeak.next(clock("2026-11-22T22:00", UTC)).orElseThrow());
        assertEquals(at("2026-11-23T04:00", UTC), offPeak.next(clock("2026-11-23T02:00", UTC)).orElseThrow());
        assertEquals(at("2026-11-23T22:00", UTC), offPeak.next(clock("2026-11-23T04:00", UTC)).orElseThrow(), "06:00 is outside");
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class,
                () -> new Schedule.Interval(Duration.ofSeconds(5), anchor, null)).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> TimeWindow.parse("22:00")).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class, () -> TimeWindow.parse("06:00-06:00")).code());
    }
}
