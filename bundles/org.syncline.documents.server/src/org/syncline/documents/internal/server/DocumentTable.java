package org.syncline.documents.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.syncline.documents.DocumentQuery;
import org.syncline.protocol.Principal;
import org.syncline.store.Migration;

/**
 * The SQL of the documents table: one row per document, carrying its newest version so a search needs no
 * join. Portable SQL (Derby and PostgreSQL both take it); callers bring the transaction and the rules.
 */
final class DocumentTable {
    static final String[] CREATE = {
        """
        CREATE TABLE documents (
            id VARCHAR(36) NOT NULL PRIMARY KEY,
            name VARCHAR(255) NOT NULL,
            author VARCHAR(255) NOT NULL,
            mime_type VARCHAR(255) NOT NULL,
            size_bytes BIGINT NOT NULL,
            sha256 CHAR(64) NOT NULL,
            node VARCHAR(255) NOT NULL,
            created TIMESTAMP NOT NULL,
            modified TIMESTAMP NOT NULL,
            current_version INTEGER NOT NULL,
            description VARCHAR(4000) NOT NULL,
            owner_name VARCHAR(64) NOT NULL)""",
        "CREATE INDEX documents_name ON documents (name)",
        "CREATE INDEX documents_author ON documents (author)",
        "CREATE INDEX documents_mime ON documents (mime_type)",
        "CREATE INDEX documents_size ON documents (size_bytes)",
        "CREATE INDEX documents_modified ON documents (modified)",
        "CREATE INDEX documents_node ON documents (node)",
        "CREATE INDEX documents_owner ON documents (owner_name)",
    };

    /**
     * Migration 5 of {@code docs}: the name order without regard to case ({@link NameKey}). An index on LOWER(name)
     * cannot be made (Derby indexes columns only), and ordering a million rows by an expression sorts them all for
     * every page, so the key is a column kept with the name, filled here in Java for the rows there are (the same
     * function as every later write), with one index for each direction: Derby does not read an index backwards to
     * avoid a sort. The old index on the name alone orders nothing any more. One transaction, as every migration:
     * a failure leaves the table as it was.
     */
    static final Migration NAME_KEY = new Migration(5, "documents ordered by name without regard to case", c -> {
        try (Statement s = c.createStatement()) {
            // NOT NULL needs a value for the rows there are; the default goes again once they have their keys, so a
            // writer that forgets the key fails instead of sorting first
            s.execute("ALTER TABLE documents ADD COLUMN name_key VARCHAR(510) DEFAULT '' NOT NULL");
            List<List<Object>> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, name FROM documents")) {
                while (rs.next()) {
                    keys.add(List.of(NameKey.of(rs.getString(2)), rs.getString(1)));
                    if (keys.size() == 1000) {
                        Sql.batch(c, "UPDATE documents SET name_key = ? WHERE id = ?", keys);
                        keys.clear();
                    }
                }
            }
            Sql.batch(c, "UPDATE documents SET name_key = ? WHERE id = ?", keys);
            s.execute("ALTER TABLE documents ALTER COLUMN name_key DROP DEFAULT");
            s.execute("CREATE INDEX documents_name_key ON documents (name_key, name, id)");
            s.execute("CREATE INDEX documents_name_key_desc ON documents (name_key DESC, name DESC, id)");
            s.execute("DROP INDEX documents_name");
        }
        return null;
    });

    private static final String COLUMNS = "d.id, d.name, d.author, d.mime_type, d.size_bytes, d.sha256, d.node, d.created, d.modified, "
            + "d.current_version, d.description, d.owner_name";

    private DocumentTable() {
    }

    static final String INSERT = "INSERT INTO documents (id, name, author, mime_type, size_bytes, sha256, node, created, modified, "
            + "current_version, description, owner_name, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void insert(Connection c, DocumentRow d) throws SQLException {
        Sql.update(c, INSERT, values(d).toArray());
    }

    /** New documents (a batch), in one JDBC batch. */
    static void insertAll(Connection c, List<DocumentRow> rows) throws SQLException {
        Sql.batch(c, INSERT, rows.stream().map(DocumentTable::values).toList());
    }

    /** The values of {@link #INSERT}, in its order. */
    static List<Object> values(DocumentRow d) {
        return List.of(d.id(), d.name(), d.author(), d.mimeType(), d.size(), d.sha256(), d.node(), d.created(), d.modified(), d.version(),
                d.description(), d.owner(), NameKey.of(d.name()));
    }

    /** Writes every field but id, created and owner (and the name's sort key with the name). */
    static void update(Connection c, DocumentRow d) throws SQLException {
        Sql.update(c, "UPDATE documents SET name = ?, name_key = ?, author = ?, mime_type = ?, size_bytes = ?, sha256 = ?, node = ?, "
                + "modified = ?, current_version = ?, description = ? WHERE id = ?", d.name(), NameKey.of(d.name()), d.author(), d.mimeType(),
                d.size(), d.sha256(), d.node(), d.modified(), d.version(), d.description(), d.id());
    }

    /** Deletes the document; its versions, tags and grants go with it (ON DELETE CASCADE). */
    static boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, "DELETE FROM documents WHERE id = ?", id) > 0;
    }

    /** The row, when there is a document with that id. */
    static Optional<DocumentRow> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents d WHERE d.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** How many documents match the query and may be read by {@code reader}. */
    static long count(Connection c, DocumentQuery q, Principal reader) throws SQLException {
        return count(c, q, reader, null);
    }

    /** As {@link #count(Connection, DocumentQuery, Principal)}, among the documents with these ids only (null: all). */
    static long count(Connection c, DocumentQuery q, Principal reader, List<String> among) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = where(q, reader, params) + among(among, params);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM documents d" + where)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The query's page of matching documents {@code reader} may read, in its order ({@link #order}). */
    static List<DocumentRow> page(Connection c, DocumentQuery q, Principal reader) throws SQLException {
        return page(c, q, reader, null);
    }

    /** As {@link #page(Connection, DocumentQuery, Principal)}, among the documents with these ids only (null: all). */
    static List<DocumentRow> page(Connection c, DocumentQuery q, Principal reader, List<String> among) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM documents d" + where(q, reader, params) + among(among, params) + " ORDER BY "
                + order(q.sort(), q.descending()) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        params.add((long) (q.page() - 1) * q.pageSize());
        params.add(q.pageSize());
        List<DocumentRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    /** The rows with these ids, in the order of the ids (ids without a row are left out). */
    static List<DocumentRow> byIds(Connection c, List<String> ids) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM documents d WHERE 1 = 1" + among(ids, params);
        java.util.Map<String, DocumentRow> found = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DocumentRow r = row(rs);
                    found.put(r.id(), r);
                }
            }
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String among(List<String> ids, List<Object> params) {
        if (ids == null) {
            return "";
        }
        if (ids.isEmpty()) {
            return " AND 1 = 0";
        }
        params.addAll(ids);
        return " AND d.id IN " + Sql.marks(ids.size());
    }

    /** Admins read everything; anyone else what they own or what is shared with them or a group of theirs. */
    private static String where(DocumentQuery q, Principal reader, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (!reader.isAdmin()) {
            w.append(" AND (d.owner_name = ? OR EXISTS (SELECT 1 FROM document_grants g WHERE g.document_id = d.id AND "
                    + "((g.subject_kind = 'user' AND g.subject = ?)");
            params.add(reader.name());
            params.add(reader.name());
            if (!reader.groups().isEmpty()) {
                w.append(" OR (g.subject_kind = 'group' AND g.subject IN (").append("?, ".repeat(reader.groups().size() - 1)).append("?))");
                params.addAll(reader.groups());
            }
            w.append(")))");
        }
        if (q.name() != null) {
            // the stored key, lower-cased as the part is: the same matches as the name index's
            w.append(" AND d.name_key LIKE ? ESCAPE '!'");
            params.add("%" + likeLiteral(NameKey.of(q.name())) + "%");
        }
        if (q.author() != null) {
            w.append(" AND LOWER(d.author) = ?");
            params.add(q.author().toLowerCase(Locale.ROOT));
        }
        if (q.mimeType() != null) {
            w.append(" AND d.mime_type = ?");
            params.add(q.mimeType());
        }
        if (q.node() != null) {
            w.append(" AND d.node = ?");
            params.add(q.node());
        }
        if (q.tag() != null) {
            w.append(" AND EXISTS (SELECT 1 FROM document_tags t WHERE t.document_id = d.id AND t.tag = ?)");
            params.add(q.tag());
        }
        if (q.modifiedAfter() != null) {
            w.append(" AND d.modified >= ?");
            params.add(q.modifiedAfter());
        }
        if (q.modifiedBefore() != null) {
            w.append(" AND d.modified < ?");
            params.add(q.modifiedBefore());
        }
        if (q.minSize() != null) {
            w.append(" AND d.size_bytes >= ?");
            params.add(q.minSize());
        }
        if (q.maxSize() != null) {
            w.append(" AND d.size_bytes <= ?");
            params.add(q.maxSize());
        }
        return w.toString();
    }

    /**
     * The ORDER BY of a page: the sort's column, ties by id ascending either way. By name: the name's key ({@link NameKey}),
     * then the exact name, in the order of the index for that direction (documents_name_key[_desc]), so a page is read
     * from the index instead of sorting the table.
     */
    private static String order(DocumentQuery.Sort sort, boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        if (sort == DocumentQuery.Sort.NAME) {
            return "d.name_key" + direction + ", d.name" + direction + ", d.id ASC";
        }
        return column(sort) + direction + ", d.id ASC";
    }

    private static String column(DocumentQuery.Sort sort) {
        return switch (sort) {
            case NAME -> "d.name_key";
            case MODIFIED -> "d.modified";
            case SIZE -> "d.size_bytes";
            case AUTHOR -> "d.author";
            case TYPE -> "d.mime_type";
            case VERSION -> "d.current_version";
            case NODE -> "d.node";
        };
    }

    /** A user's substring taken literally: % and _ are characters here, not wildcards. */
    private static String likeLiteral(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static DocumentRow row(ResultSet rs) throws SQLException {
        return new DocumentRow(rs.getString("id"), rs.getString("name"), rs.getString("author"), rs.getString("mime_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("node"), Sql.instant(rs, "created"),
                Sql.instant(rs, "modified"), rs.getInt("current_version"), rs.getString("description"), rs.getString("owner_name"));
    }
}
