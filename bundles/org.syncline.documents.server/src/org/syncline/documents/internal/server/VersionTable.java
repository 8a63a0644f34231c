package org.syncline.documents.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.syncline.documents.VersionInfo;

/**
 * The SQL of document_versions: every version of every document, each naming the blob (by SHA-256) and the
 * node that holds it, so a blob is deleted only when no version refers to it any more.
 */
final class VersionTable {
    static final String[] CREATE = {
        """
        CREATE TABLE document_versions (
            document_id VARCHAR(36) NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            version_no INTEGER NOT NULL,
            sha256 CHAR(64) NOT NULL,
            size_bytes BIGINT NOT NULL,
            mime_type VARCHAR(255) NOT NULL,
            node VARCHAR(255) NOT NULL,
            created TIMESTAMP NOT NULL,
            author VARCHAR(255) NOT NULL,
            PRIMARY KEY (document_id, version_no))""",
        "CREATE INDEX document_versions_sha ON document_versions (sha256)",
    };

    private static final String COLUMNS = "version_no, sha256, size_bytes, mime_type, node, created, author";

    private VersionTable() {
    }

    private static final String INSERT = "INSERT INTO document_versions (document_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static void insert(Connection c, String documentId, VersionInfo v) throws SQLException {
        Sql.update(c, INSERT, values(documentId, v).toArray());
    }

    /** The first versions of new documents (a batch: document id to version), in one JDBC batch. */
    static void insertAll(Connection c, java.util.Map<String, VersionInfo> versions) throws SQLException {
        Sql.batch(c, INSERT, versions.entrySet().stream().map(e -> values(e.getKey(), e.getValue())).toList());
    }

    private static List<Object> values(String documentId, VersionInfo v) {
        return List.of(documentId, v.version(), v.sha256(), v.size(), v.mimeType(), v.node(), v.created(), v.author());
    }

    /** Newest first. */
    static List<VersionInfo> of(Connection c, String documentId) throws SQLException {
        List<VersionInfo> versions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM document_versions WHERE document_id = ? ORDER BY version_no DESC")) {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(new VersionInfo(rs.getInt("version_no"), rs.getString("sha256"), rs.getLong("size_bytes"),
                            rs.getString("mime_type"), rs.getString("node"), Sql.instant(rs, "created"), rs.getString("author")));
                }
            }
        }
        return versions;
    }

    /** Whether a version still needs the blob on that node. */
    static boolean isReferencedOn(Connection c, String sha256, String node) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM document_versions WHERE sha256 = ? AND node = ?", sha256, node);
    }

    /** Whether the node's last inventory lacked this version's bytes. */
    static boolean isMissing(Connection c, String documentId, int version) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM document_versions WHERE document_id = ? AND version_no = ? AND missing <> 0", documentId, version);
    }

    static boolean isReferenced(Connection c, String sha256) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM document_versions WHERE sha256 = ?", sha256);
    }

    /** Of these documents, the versions whose bytes are missing, as "id/version" (one query for a page). */
    static java.util.Set<String> missing(Connection c, List<String> documentIds) throws SQLException {
        java.util.Set<String> missing = new java.util.HashSet<>();
        if (documentIds.isEmpty()) {
            return missing;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT document_id, version_no FROM document_versions WHERE missing <> 0"
                + " AND document_id IN " + Sql.marks(documentIds.size()))) {
            Sql.bind(ps, documentIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    missing.add(rs.getString(1) + "/" + rs.getInt(2));
                }
            }
        }
        return missing;
    }
}
