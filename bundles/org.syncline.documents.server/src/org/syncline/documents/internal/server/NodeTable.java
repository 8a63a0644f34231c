package org.syncline.documents.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the registry's storage nodes and of the blob deletions that wait for a node that was down.
 * Portable SQL; callers bring the transaction.
 */
final class NodeTable {
    static final String[] CREATE = {
        """
        CREATE TABLE document_nodes (
            name VARCHAR(255) NOT NULL PRIMARY KEY,
            member_id VARCHAR(36) NOT NULL UNIQUE,
            host VARCHAR(255) NOT NULL,
            port INTEGER NOT NULL,
            status VARCHAR(8) NOT NULL,
            capacity_bytes BIGINT NOT NULL,
            free_bytes BIGINT NOT NULL,
            heartbeat_seconds INTEGER NOT NULL,
            last_heartbeat TIMESTAMP NOT NULL)""",
        """
        CREATE TABLE document_blob_deletions (
            node VARCHAR(255) NOT NULL,
            sha256 CHAR(64) NOT NULL,
            queued TIMESTAMP NOT NULL,
            PRIMARY KEY (node, sha256))""",
    };

    record Row(String name, String memberId, String host, int port, String status, long capacity, long free, int heartbeatSeconds,
            Instant lastHeartbeat) {
    }

    private static final String COLUMNS = "name, member_id, host, port, status, capacity_bytes, free_bytes, heartbeat_seconds, last_heartbeat";

    private NodeTable() {
    }

    static Optional<Row> byMember(Connection c, String memberId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM document_nodes WHERE member_id = ?", memberId);
    }

    static Optional<Row> byName(Connection c, String name) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM document_nodes WHERE name = ?", name);
    }

    static List<Row> all(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM document_nodes ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    static void upsert(Connection c, Row r) throws SQLException {
        if (Sql.update(c, "UPDATE document_nodes SET name = ?, host = ?, port = ?, status = ?, capacity_bytes = ?, free_bytes = ?, "
                + "heartbeat_seconds = ?, last_heartbeat = ? WHERE member_id = ?", r.name(), r.host(), r.port(), r.status(), r.capacity(),
                r.free(), r.heartbeatSeconds(), r.lastHeartbeat(), r.memberId()) == 0) {
            Sql.update(c, "INSERT INTO document_nodes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.name(), r.memberId(), r.host(),
                    r.port(), r.status(), r.capacity(), r.free(), r.heartbeatSeconds(), r.lastHeartbeat());
        }
    }

    static void status(Connection c, String name, String status) throws SQLException {
        Sql.update(c, "UPDATE document_nodes SET status = ? WHERE name = ?", status, name);
    }

    static long documents(Connection c, String node) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM documents WHERE node = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void queueDeletion(Connection c, String node, String sha256, Instant now) throws SQLException {
        if (!Sql.exists(c, "SELECT 1 FROM document_blob_deletions WHERE node = ? AND sha256 = ?", node, sha256)) {
            Sql.update(c, "INSERT INTO document_blob_deletions (node, sha256, queued) VALUES (?, ?, ?)", node, sha256, now);
        }
    }

    static void unqueueDeletion(Connection c, String node, String sha256) throws SQLException {
        Sql.update(c, "DELETE FROM document_blob_deletions WHERE node = ? AND sha256 = ?", node, sha256);
    }

    /** As {@link #unqueueDeletion} for many blobs of one node (a batch), each a key lookup, in one JDBC batch. */
    static void unqueueDeletions(Connection c, String node, java.util.Collection<String> sha256s) throws SQLException {
        Sql.batch(c, "DELETE FROM document_blob_deletions WHERE node = ? AND sha256 = ?", sha256s.stream().map(sha -> List.<Object>of(node, sha)).toList());
    }

    static List<String> queuedDeletions(Connection c, String node) throws SQLException {
        List<String> shas = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM document_blob_deletions WHERE node = ? ORDER BY queued")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shas.add(rs.getString(1));
                }
            }
        }
        return shas;
    }

    private static Optional<Row> one(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("name"), rs.getString("member_id"), rs.getString("host"), rs.getInt("port"), rs.getString("status"),
                rs.getLong("capacity_bytes"), rs.getLong("free_bytes"), rs.getInt("heartbeat_seconds"), Sql.instant(rs, "last_heartbeat"));
    }
}
