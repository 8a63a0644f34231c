package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/** Statements with bound parameters (instants as UTC timestamps) and rows mapped to records. */
final class Sql {
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        List<T> all = list(c, sql, row, params);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static long number(Connection c, String sql, Object... params) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Runs {@code sql} once per row of parameters as one JDBC batch (no-op for none). */
    static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** How many keys one {@link #inGroups} statement binds. */
    static final int IN_GROUP = 100;

    /**
     * Runs {@code sqlBefore + " IN (?, ..., ?)"} for the keys in groups of {@link #IN_GROUP} (the last group padded with
     * its last key, so every group runs the same prepared statement) and collects every row. {@code leading} are bound
     * before the keys.
     */
    static <T> List<T> inGroups(Connection c, String sqlBefore, Row<T> row, List<String> keys, Object... leading) throws SQLException {
        List<T> out = new ArrayList<>();
        if (keys.isEmpty()) {
            return out;
        }
        String sql = sqlBefore + " IN (" + String.join(", ", java.util.Collections.nCopies(IN_GROUP, "?")) + ")";
        for (int from = 0; from < keys.size(); from += IN_GROUP) {
            Object[] params = new Object[leading.length + IN_GROUP];
            System.arraycopy(leading, 0, params, 0, leading.length);
            int to = Math.min(keys.size(), from + IN_GROUP);
            for (int i = 0; i < IN_GROUP; i++) {
                params[leading.length + i] = keys.get(Math.min(from + i, to - 1));
            }
            out.addAll(list(c, sql, row, params));
        }
        return out;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, utc());
        return t == null ? null : t.toInstant();
    }

    /** As {@link #instant(ResultSet, String)}, by position (a join's columns may share a name). */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, utc());
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object v = params[i];
            if (v instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t), utc());
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (v instanceof Boolean b) {
                ps.setShort(i + 1, (short) (b ? 1 : 0));
            } else {
                ps.setString(i + 1, (String) v);
            }
        }
    }

    // Calendars are mutable and the driver may write into them, so each call gets its own.
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
