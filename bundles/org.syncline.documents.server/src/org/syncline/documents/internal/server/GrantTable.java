package org.syncline.documents.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.syncline.protocol.Grant;
import org.syncline.protocol.Right;

/**
 * The SQL of document_grants: who a document is shared with besides its owner. The subject kind is "user" or
 * "group" (lower case, as searches compare it), the right "read" or "write".
 */
final class GrantTable {
    static final String[] CREATE = {
        """
        CREATE TABLE document_grants (
            document_id VARCHAR(36) NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            subject_kind VARCHAR(8) NOT NULL,
            subject VARCHAR(64) NOT NULL,
            access_right VARCHAR(8) NOT NULL,
            PRIMARY KEY (document_id, subject_kind, subject))""",
        "CREATE INDEX document_grants_subject ON document_grants (subject_kind, subject)",
    };

    private GrantTable() {
    }

    /** Sets the subject's right, replacing any it had. */
    static void put(Connection c, String documentId, Grant g) throws SQLException {
        String kind = g.kind().name().toLowerCase(Locale.ROOT);
        Sql.update(c, "DELETE FROM document_grants WHERE document_id = ? AND subject_kind = ? AND subject = ?", documentId, kind, g.subject());
        Sql.update(c, "INSERT INTO document_grants (document_id, subject_kind, subject, access_right) VALUES (?, ?, ?, ?)", documentId, kind,
                g.subject(), g.right().word());
    }

    /** Ordered by kind and subject. */
    static List<Grant> of(Connection c, String documentId) throws SQLException {
        List<Grant> grants = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT subject_kind, subject, access_right FROM document_grants WHERE document_id = ? ORDER BY subject_kind, subject")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.add(new Grant(Grant.Kind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getString(2),
                            Right.parse(rs.getString(3))));
                }
            }
        }
        return grants;
    }

    /** The ids of the documents shared with the user or one of the groups (through the subject index, no table scan). */
    static List<String> sharedWith(Connection c, String user, java.util.Set<String> groups) throws SQLException {
        List<String> ids = new ArrayList<>();
        collect(c, "SELECT document_id FROM document_grants WHERE subject_kind = 'user' AND subject = ?", List.of(user), ids);
        if (!groups.isEmpty()) {
            collect(c, "SELECT document_id FROM document_grants WHERE subject_kind = 'group' AND subject IN ("
                    + "?, ".repeat(groups.size() - 1) + "?)", List.copyOf(groups), ids);
        }
        return ids;
    }

    private static void collect(Connection c, String sql, List<String> params, List<String> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(rs.getString(1));
                }
            }
        }
    }

    /** The grants of each of these documents (one query for a page), each list ordered by kind and subject. */
    static java.util.Map<String, List<Grant>> of(Connection c, List<String> documentIds) throws SQLException {
        java.util.Map<String, List<Grant>> grants = new java.util.HashMap<>();
        if (documentIds.isEmpty()) {
            return grants;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT document_id, subject_kind, subject, access_right FROM document_grants"
                + " WHERE document_id IN " + Sql.marks(documentIds.size()) + " ORDER BY document_id, subject_kind, subject")) {
            Sql.bind(ps, documentIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    grants.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Grant(
                            Grant.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(3), Right.parse(rs.getString(4))));
                }
            }
        }
        return grants;
    }
}
