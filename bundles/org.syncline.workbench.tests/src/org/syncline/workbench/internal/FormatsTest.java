package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.syncline.ui.Formats;

/** The one way views write times and sizes (Documents wrote "30 bytes" and "Nov 24, 2026, 6:08:29 PM" beside Sync's "12 B"). */
class FormatsTest {
    @Test
    void timesAreWrittenTheSameWayEverywhereAndNoneIsEmpty() {
        Instant t = ZonedDateTime.of(2026, 11, 24, 18, 6, 58, 0, ZoneId.systemDefault()).toInstant();
        assertEquals("2026-11-24 18:06:58", Formats.time(t));
        assertEquals("", Formats.time(null));
        assertEquals("", Formats.time(Instant.EPOCH), "the epoch stands for none (a run not ended)");
    }

    @Test
    void sizesAreExactBelowAKibibyteAndOneDecimalAbove() {
        assertEquals("0 B", Formats.size(0));
        assertEquals("1023 B", Formats.size(1023));
        assertEquals("1.0 KiB", Formats.size(1024));
        assertEquals("1.5 MiB", Formats.size(3L << 19));
        assertEquals("5.0 GiB", Formats.size(5L << 30), "not 5120.0 MiB");
        assertEquals("2.0 TiB", Formats.size(2L << 40));
    }
}
