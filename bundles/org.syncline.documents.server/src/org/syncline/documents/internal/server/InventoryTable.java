package org.syncline.documents.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.syncline.documents.NodeFile;

/**
 * The SQL of each node's inventory (the blobs it reported holding, kept current as the registry stores and
 * deletes) and of the versions whose blob the inventory lacks (missing). Portable SQL.
 */
final class InventoryTable {
    static final String[] CREATE = {
        """
        CREATE TABLE document_node_blobs (
            node VARCHAR(255) NOT NULL,
            sha256 CHAR(64) NOT NULL,
            size_bytes BIGINT NOT NULL,
            PRIMARY KEY (node, sha256))""",
        "ALTER TABLE document_versions ADD COLUMN missing SMALLINT DEFAULT 0 NOT NULL",
    };

    private static final String REFERENCES = "(SELECT COUNT(*) FROM document_versions v WHERE v.node = b.node AND v.sha256 = b.sha256)";

    private InventoryTable() {
    }

    static void clear(Connection c, String node) throws SQLException {
        Sql.update(c, "DELETE FROM document_node_blobs WHERE node = ?", node);
    }

    static void add(Connection c, String node, String sha256, long size) throws SQLException {
        addAll(c, node, java.util.Map.of(sha256, size));
    }

    /**
     * Blobs a node now holds (stored by a registration or a batch): the ones its inventory lacked are added, and only for
     * those can versions have been marked missing (a version is missing only while the inventory lacks its blob), so only
     * their versions are unmarked; a blob already held costs one key lookup and no update. Each blob is its own key
     * lookup on one statement, not one {@code IN} list: the database probes an index by its first column only, and an
     * {@code IN} list on the second column of (node, sha256) read every row of the node.
     */
    static void addAll(Connection c, String node, java.util.Map<String, Long> sizes) throws SQLException {
        List<String> added = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM document_node_blobs WHERE node = ? AND sha256 = ?")) {
            ps.setString(1, node);
            for (String sha : sizes.keySet()) {
                ps.setString(2, sha);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        added.add(sha);
                    }
                }
            }
        }
        Sql.batch(c, "INSERT INTO document_node_blobs (node, sha256, size_bytes) VALUES (?, ?, ?)",
                added.stream().map(sha -> List.<Object>of(node, sha, sizes.get(sha))).toList());
        // bytes that are back (stored again, or found by an inventory) are no longer missing; by the sha256 index
        Sql.batch(c, "UPDATE document_versions SET missing = 0 WHERE sha256 = ? AND node = ? AND missing <> 0",
                added.stream().map(sha -> List.<Object>of(sha, node)).toList());
    }

    /** The node no longer holds the blob: it leaves the inventory (and the orphans, if it was one). */
    static void remove(Connection c, String node, String sha256) throws SQLException {
        Sql.update(c, "DELETE FROM document_node_blobs WHERE node = ? AND sha256 = ?", node, sha256);
        OrphanTable.forget(c, node, sha256);
    }

    /** After a full inventory: versions on the node whose blob it lacks are missing, the others are not. */
    static int markMissing(Connection c, String node) throws SQLException {
        String held = "EXISTS (SELECT 1 FROM document_node_blobs b WHERE b.node = document_versions.node AND b.sha256 = document_versions.sha256)";
        Sql.update(c, "UPDATE document_versions SET missing = 0 WHERE node = ? AND " + held, node);
        return Sql.update(c, "UPDATE document_versions SET missing = 1 WHERE node = ? AND NOT " + held, node);
    }

    static java.util.Optional<NodeFile> find(Connection c, String node, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT b.sha256, b.size_bytes, " + REFERENCES + " AS refs FROM document_node_blobs b "
                + "WHERE b.node = ? AND b.sha256 = ?")) {
            ps.setString(1, node);
            ps.setString(2, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(file(rs)) : java.util.Optional.empty();
            }
        }
    }

    static List<NodeFile> list(Connection c, String node, boolean orphansOnly, int limit) throws SQLException {
        List<NodeFile> files = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.sha256, b.size_bytes, " + REFERENCES + " AS refs FROM document_node_blobs b "
                + where(orphansOnly) + " ORDER BY b.sha256 FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(file(rs));
                }
            }
        }
        return files;
    }

    static long count(Connection c, String node, boolean orphansOnly) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM document_node_blobs b " + where(orphansOnly))) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String where(boolean orphansOnly) {
        return "WHERE b.node = ?" + (orphansOnly
                ? " AND NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.node = b.node AND v.sha256 = b.sha256)" : "");
    }

    private static NodeFile file(ResultSet rs) throws SQLException {
        return new NodeFile(rs.getString("sha256"), rs.getLong("size_bytes"), rs.getLong("refs"));
    }
}
