package org.syncline.documents.internal.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** How the Documents views write sizes and times, so the browser, Properties and Versions agree. */
final class DocumentFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());
    private static final String[] UNITS = { "bytes", "KiB", "MiB", "GiB", "TiB" };

    private DocumentFormat() {
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /**
     * A column width that holds any time {@link #time} writes, in the control's font and this locale's format (a fixed
     * 160 px cut "12:15:58 AM" to "12:15:58", which reads as noon).
     */
    static int timeWidth(org.eclipse.swt.widgets.Control control) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(control);
        try {
            int widest = 0;
            for (int month = 1; month <= 12; month++) {
                Instant late = java.time.ZonedDateTime.of(2026, month, 28, 22, 58, 58, 0, ZoneId.systemDefault()).toInstant();
                widest = Math.max(widest, gc.textExtent(time(late)).x);
            }
            return widest + 24; // the cell's margins, and a sort arrow in the header
        } finally {
            gc.dispose();
        }
    }

    /** 1023 bytes, 4.0 KiB, 1.2 GiB: exact below a KiB, where people compare small files byte for byte. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double v = bytes;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format("%.1f %s", v, UNITS[unit]);
    }
}
