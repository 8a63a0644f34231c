package org.syncline.documents.internal.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Binding parameters the same way in every table: instants as UTC TIMESTAMPs (the column has no zone, so
 * the stored value must not depend on the JVM's), everything else by its Java type.
 */
final class Sql {
    private Sql() {
    }

    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t), utc());
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) v);
            }
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, utc());
        return t == null ? null : t.toInstant();
    }

    static int update(java.sql.Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, List.of(params));
            return ps.executeUpdate();
        }
    }

    /** Runs {@code sql} once for each parameter list, as one JDBC batch (one round of work for the database, not one a row). */
    static void batch(java.sql.Connection c, String sql, List<List<Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static boolean exists(java.sql.Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, List.of(params));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // Calendars are mutable and the driver may write into them, so each call gets its own.
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    /** {@code (?, ?, ?)} with n marks (n >= 1), for {@code IN} lists. */
    static String marks(int n) {
        return "(" + "?, ".repeat(n - 1) + "?)";
    }
}
