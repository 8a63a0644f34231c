package org.syncline.ui.internal.views;

import java.time.Duration;

/** Uptime in the two largest units, as people read it at a glance: "3d 4h", "4h 12m", "12m 5s". */
final class UptimeText {
    private UptimeText() {
    }

    static String of(Duration uptime) {
        if (uptime == null || uptime.isNegative()) {
            return "";
        }
        long days = uptime.toDays();
        int hours = uptime.toHoursPart();
        int minutes = uptime.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        return minutes > 0 ? minutes + "m " + uptime.toSecondsPart() + "s" : uptime.toSecondsPart() + "s";
    }
}
