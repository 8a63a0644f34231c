package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Migration 3 of the hub's schema. A new file of one chunk cost three rows and ten index entries; this moves the
 * chunk of every one-chunk revision into the revision's row (new column {@code chunk}, indexed for the chunk
 * queries) and deletes its {@code sync_revision_chunks} row. It also drops the foreign keys of sync_files,
 * sync_revisions and sync_revision_chunks: Derby backs each with an index on its columns, which are the leading
 * columns of the unique or primary key index of the same table, so every query is served by that other index and
 * each insert paid one index entry for nothing. Runs in the migration's transaction: all of it or none.
 */
final class SmallRevisionMigration {
    private SmallRevisionMigration() {
    }

    static Void run(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE sync_revisions ADD COLUMN chunk CHAR(64)");
            s.execute("UPDATE sync_revisions r SET chunk = (SELECT k.chunk FROM sync_revision_chunks k WHERE k.file_id = r.file_id AND k.number = r.number)"
                    + " WHERE 1 = (SELECT COUNT(*) FROM sync_revision_chunks k WHERE k.file_id = r.file_id AND k.number = r.number)"
                    + " AND r.size = (SELECT SUM(k.length) FROM sync_revision_chunks k WHERE k.file_id = r.file_id AND k.number = r.number)");
            s.execute("DELETE FROM sync_revision_chunks WHERE EXISTS (SELECT 1 FROM sync_revisions r WHERE r.file_id = sync_revision_chunks.file_id"
                    + " AND r.number = sync_revision_chunks.number AND r.chunk IS NOT NULL)");
            s.execute("CREATE INDEX sync_revisions_chunk ON sync_revisions (chunk)");
            for (String table : List.of("SYNC_REVISION_CHUNKS", "SYNC_REVISIONS", "SYNC_FILES")) {
                for (String fk : foreignKeys(c, table)) {
                    s.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + fk.replace("\"", "\"\"") + "\"");
                }
            }
        }
        return null;
    }

    /** The names Derby gave the table's foreign keys (they were declared without names). */
    static List<String> foreignKeys(Connection c, String table) throws SQLException {
        return Sql.list(c, "SELECT k.constraintname FROM sys.sysconstraints k JOIN sys.systables t ON k.tableid = t.tableid"
                + " JOIN sys.sysschemas s ON t.schemaid = s.schemaid WHERE t.tablename = ? AND s.schemaname = CURRENT SCHEMA AND k.type = 'F'",
                rs -> rs.getString(1), table);
    }
}
