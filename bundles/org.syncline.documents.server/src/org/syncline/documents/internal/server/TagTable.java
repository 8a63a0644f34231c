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
        for (String tag : tags) {
            Sql.update(c, "INSERT INTO document_tags (document_id, tag) VALUES (?, ?)", documentId, tag);
        }
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
}
