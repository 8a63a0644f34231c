package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.SQLException;

/** The SQL of sync_quotas: each user's limit in bytes; no row means no limit. */
final class QuotaTable {
    private QuotaTable() {
    }

    static long limit(Connection c, String user) throws SQLException {
        return Sql.number(c, "SELECT bytes FROM sync_quotas WHERE user_name = ?", user);
    }

    static java.util.List<String> users(Connection c) throws SQLException {
        return Sql.list(c, "SELECT user_name FROM sync_quotas", rs -> rs.getString(1));
    }

    /** Every limit there is, by user. */
    static java.util.Map<String, Long> all(Connection c) throws SQLException {
        java.util.Map<String, Long> limits = new java.util.HashMap<>();
        for (Object[] r : Sql.list(c, "SELECT user_name, bytes FROM sync_quotas", rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            limits.put((String) r[0], (Long) r[1]);
        }
        return limits;
    }

    static void set(Connection c, String user, long bytes) throws SQLException {
        Sql.update(c, "DELETE FROM sync_quotas WHERE user_name = ?", user);
        if (bytes > 0) {
            Sql.update(c, "INSERT INTO sync_quotas (user_name, bytes) VALUES (?, ?)", user, bytes);
        }
    }
}
