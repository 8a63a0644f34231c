package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The SQL of sync_chunks: which chunks the hub holds, and when a client last relied on each (an upload or a
 * "missing?" answer), so the purge never takes a chunk a commit is about to refer to.
 */
final class ChunkTable {
    private ChunkTable() {
    }

    static boolean known(Connection c, String sha) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM sync_chunks WHERE sha256 = ?", rs -> 1, sha).isPresent();
    }

    static void touch(Connection c, String sha, int size, Instant now) throws SQLException {
        if (Sql.update(c, "UPDATE sync_chunks SET touched = ? WHERE sha256 = ?", now, sha) == 0) {
            Sql.update(c, "INSERT INTO sync_chunks (sha256, size, touched) VALUES (?, ?, ?)", sha, size, now);
        }
    }

    /** Chunks no revision refers to and nobody relied on since {@code before}. */
    static List<String> unreferenced(Connection c, Instant before) throws SQLException {
        return Sql.list(c, "SELECT sha256 FROM sync_chunks k WHERE touched < ? AND NOT EXISTS"
                + " (SELECT 1 FROM sync_revision_chunks r WHERE r.chunk = k.sha256)", rs -> rs.getString(1), before);
    }

    static void delete(Connection c, String sha) throws SQLException {
        Sql.update(c, "DELETE FROM sync_chunks WHERE sha256 = ?", sha);
    }
}
