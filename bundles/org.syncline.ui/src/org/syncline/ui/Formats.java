package org.syncline.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.eclipse.swt.widgets.Control;

/**
 * How every view writes times and sizes, so that Documents, Sync, Administration and Distribution agree (they wrote
 * "Nov 24, 2026, 6:08:29 PM" beside "2026-11-24 18:06:58", and "30 bytes" beside "12 B").
 */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** "2026-11-24 18:06:58" in this machine's time zone; "" for none (null or the epoch, which stands for none). */
    public static String time(Instant t) {
        return t == null || Instant.EPOCH.equals(t) ? "" : TIME.format(t);
    }

    /** "812 B", "4.0 KiB", "1.2 GiB": as the CLI writes them ({@link org.syncline.core.ByteSizes#format}). */
    public static String size(long bytes) {
        return org.syncline.core.ByteSizes.format(bytes);
    }

    /** A column width that holds {@code title} and any time {@link #time} writes, in {@code control}'s font. */
    public static int timeWidth(Control control, String title) {
        return ColumnTable.widthFor(control, 0, title, time(java.time.ZonedDateTime.of(2026, 12, 28, 22, 58, 58, 0, ZoneId.systemDefault())
                .toInstant()));
    }
}
