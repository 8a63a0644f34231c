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
