package org.syncline.cli;

/** Uptime as people read it: 3d 4h 5m, 2h 0m, 45s. */
public final class Uptime {
    private Uptime() {
    }

    public static String format(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        if (d > 0) {
            return d + "d " + h + "h " + m + "m";
        }
        if (h > 0) {
            return h + "h " + m + "m";
        }
        if (m > 0) {
            return m + "m " + seconds % 60 + "s";
        }
        return seconds + "s";
    }
}
