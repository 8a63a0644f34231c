package org.syncline.documents.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of when the registry first saw each orphan (a file in a node's inventory that no version refers to and
 * no queued deletion is about to remove), so the automatic sweep purges only orphans older than its grace period.
 * A table of its own: a node's inventory is rebuilt at each hello, the orphans' first sighting must survive that.
 * Portable SQL; callers bring the transaction.
 */
final class OrphanTable {
    static final String[] CREATE = {
        """
        CREATE TABLE document_orphans (
            node VARCHAR(255) NOT NULL,
            sha256 CHAR(64) NOT NULL,
            seen TIMESTAMP NOT NULL,
            PRIMARY KEY (node, sha256))""",
    };

    /** Of an inventory row {@code b}: no version refers to it and no queued deletion waits to remove it. */
    private static final String UNUSED = "NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.node = b.node AND v.sha256 = b.sha256)"
            + " AND NOT EXISTS (SELECT 1 FROM document_blob_deletions q WHERE q.node = b.node AND q.sha256 = b.sha256)";

    /** An orphan row {@code o} whose file still is an orphan in the inventory. */
    private static final String STILL_ORPHAN = "EXISTS (SELECT 1 FROM document_node_blobs b WHERE b.node = o.node AND b.sha256 = o.sha256 AND "
            + UNUSED + ")";

    /** An orphan due for the sweep: seen at or before a time, and still an orphan. */
    record Due(String sha256, long size, Instant seen) {
    }

    private OrphanTable() {
    }

    /**
     * After a node's inventory: its orphans not seen before are seen {@code now}; the rows of files that are no
     * orphans any more (gone, used by a version, queued for deletion) are dropped. Returns how many orphans it has.
     */
    static int record(Connection c, String node, Instant now) throws SQLException {
        prune(c, node);
        Sql.update(c, "INSERT INTO document_orphans (node, sha256, seen) SELECT b.node, b.sha256, CAST(? AS TIMESTAMP) FROM document_node_blobs b"
                + " WHERE b.node = ? AND " + UNUSED + " AND NOT EXISTS (SELECT 1 FROM document_orphans o WHERE o.node = b.node AND o.sha256 = b.sha256)",
                now, node);
        return (int) count(c, node);
    }

    /** Drops the node's rows of files that are no orphans any more. */
    static void prune(Connection c, String node) throws SQLException {
        Sql.update(c, "DELETE FROM document_orphans WHERE node = ? AND NOT EXISTS (SELECT 1 FROM document_node_blobs b WHERE b.node = "
                + "document_orphans.node AND b.sha256 = document_orphans.sha256 AND " + UNUSED + ")", node);
    }

    static long count(Connection c, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM document_orphans WHERE node = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The node's orphans seen at or before {@code seenBy} that still are orphans, oldest first, at most {@code limit}. */
    static List<Due> due(Connection c, String node, Instant seenBy, int limit) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.sha256, b.size_bytes, o.seen FROM document_orphans o JOIN document_node_blobs b"
                + " ON b.node = o.node AND b.sha256 = o.sha256 WHERE o.node = ? AND o.seen <= ? AND " + UNUSED
                + " ORDER BY o.seen, o.sha256 FETCH FIRST " + limit + " ROWS ONLY")) {
            Sql.bind(ps, List.of(node, seenBy));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getString(1), rs.getLong(2), Sql.instant(rs, "seen")));
                }
            }
        }
        return due;
    }

    /** Whether the file is still an orphan seen at or before {@code seenBy} (asked again just before it is purged). */
    static boolean isDue(Connection c, String node, String sha256, Instant seenBy) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM document_orphans o WHERE o.node = ? AND o.sha256 = ? AND o.seen <= ? AND " + STILL_ORPHAN,
                node, sha256, seenBy);
    }

    /** When each of these files of the node was first seen as an orphan (files without a row are left out). */
    static Map<String, Instant> seen(Connection c, String node, List<String> sha256s) throws SQLException {
        Map<String, Instant> seen = new HashMap<>();
        if (sha256s.isEmpty()) {
            return seen;
        }
        List<Object> params = new ArrayList<>();
        params.add(node);
        params.addAll(sha256s);
        try (PreparedStatement ps = c.prepareStatement("SELECT o.sha256, o.seen FROM document_orphans o WHERE o.node = ? AND o.sha256 IN "
                + Sql.marks(sha256s.size()) + " AND " + STILL_ORPHAN)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.put(rs.getString(1), Sql.instant(rs, "seen"));
                }
            }
        }
        return seen;
    }

    static void forget(Connection c, String node, String sha256) throws SQLException {
        Sql.update(c, "DELETE FROM document_orphans WHERE node = ? AND sha256 = ?", node, sha256);
    }
}
