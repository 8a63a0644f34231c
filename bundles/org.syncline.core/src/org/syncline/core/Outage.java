package org.syncline.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Since when a client has been cut off from its server, why (as the last attempt failed: "connection refused"),
 * and when it tries again: what people see instead of a bare "offline" (the workbench's Sync Folders view, the
 * agent's offline line). {@code reason} and {@code retryAt} may be null when not known.
 */
public record Outage(Instant since, String reason, Instant retryAt) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * "offline since 14:32 (connection refused, retrying in 5 s)": the time in {@code zone}, with the date when it
     * is not {@code now}'s day there; the parts not known are left out.
     */
    public String describe(Instant now, ZoneId zone) {
        return "offline " + details(now, zone);
    }

    /** The same without the leading "offline ", for a line that names the offline thing first: "since 14:32 (...)". */
    public String details(Instant now, ZoneId zone) {
        StringBuilder s = new StringBuilder("since ");
        LocalDate day = since.atZone(zone).toLocalDate();
        s.append((day.equals(now.atZone(zone).toLocalDate()) ? TIME : DAY_AND_TIME).format(since.atZone(zone)));
        String retry = retryAt == null ? null : retrying(Duration.between(now, retryAt));
        if (reason != null || retry != null) {
            s.append(" (").append(reason == null ? retry : retry == null ? reason : reason + ", " + retry).append(')');
        }
        return s.toString();
    }

    private static String retrying(Duration in) {
        long seconds = (in.toMillis() + 999) / 1000; // 0.2 s still to wait reads "in 1 s", not "now"
        if (seconds <= 0) {
            return "retrying now";
        }
        return seconds < 120 ? "retrying in " + seconds + " s" : "retrying in " + (seconds + 59) / 60 + " min";
    }
}
