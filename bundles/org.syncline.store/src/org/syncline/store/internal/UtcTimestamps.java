package org.syncline.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Instants in Derby TIMESTAMP columns, which have no time zone: always written and read as UTC, so the
 * stored value does not depend on the JVM's zone or shift when the server moves.
 */
public final class UtcTimestamps {
    private UtcTimestamps() {
    }

    public static void set(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setTimestamp(index, Timestamp.from(value), utc());
    }

    public static Instant get(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, utc());
        return t == null ? null : t.toInstant();
    }

    // Calendars are mutable and the driver may write into them, so each call gets its own.
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
