package org.syncline.documents.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of document_tags: a document's tags, indexed by tag for searches. */
final class TagTable {
    static final String[] CREATE = {
        """
        CREATE TABLE document_tags (
            document_id VARCHAR(36) NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            tag VARCHAR(64) NOT NULL,
            PRIMARY KEY (document_id, tag))""",
        "CREATE INDEX document_tags_tag ON document_tags (tag)",
    };

    private TagTable() {
    }

    static void replace(Connection c, String documentId, List<String> tags) throws SQLException {
        Sql.update(c, "DELETE FROM document_tags WHERE document_id = ?", documentId);
        add(c, documentId, tags);
    }

    /** Tags of a document that has none yet (a new one): one batch, nothing to delete first. */
    static void add(Connection c, String documentId, List<String> tags) throws SQLException {
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO document_tags (document_id, tag) VALUES (?, ?)")) {
            for (String tag : tags) {
                ps.setString(1, documentId);
                ps.setString(2, tag);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The tags of new documents (a batch: document id to its tags), in one JDBC batch. */
    static void addAll(Connection c, java.util.Map<String, List<String>> tags) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        tags.forEach((id, ts) -> ts.forEach(t -> rows.add(List.of(id, t))));
        Sql.batch(c, "INSERT INTO document_tags (document_id, tag) VALUES (?, ?)", rows);
    }

    /** In alphabetical order. */
    static List<String> of(Connection c, String documentId) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM document_tags WHERE document_id = ? ORDER BY tag")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
        }
        return tags;
    }

    /** The tags of each of these documents (one query for a page), each list in alphabetical order. */
    static java.util.Map<String, List<String>> of(Connection c, List<String> documentIds) throws SQLException {
        java.util.Map<String, List<String>> tags = new java.util.HashMap<>();
        if (documentIds.isEmpty()) {
            return tags;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT document_id, tag FROM document_tags WHERE document_id IN "
                + Sql.marks(documentIds.size()) + " ORDER BY document_id, tag")) {
            Sql.bind(ps, documentIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return tags;
    }
}
