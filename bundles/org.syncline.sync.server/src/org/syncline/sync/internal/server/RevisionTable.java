package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.syncline.core.chunk.ChunkRef;

/**
 * The SQL of sync_revisions and their ordered chunk lists. A revision of exactly one chunk names it in its own row
 * (column chunk, the chunk's length being the revision's size); any other list is in sync_revision_chunks. A new
 * small file so costs one row less and that row's three index entries.
 */
final class RevisionTable {
    /** {@code chunk}: the sole chunk of a one-chunk revision as stored, else null (a new row's is set from its chunk list). */
    record RevisionRow(long fileId, long number, String author, Instant created, long size, String sha256, boolean deleted, long seq, String chunk) {
        RevisionRow(long fileId, long number, String author, Instant created, long size, String sha256, boolean deleted, long seq) {
            this(fileId, number, author, created, size, sha256, deleted, seq, null);
        }
    }

    private static final String COLUMNS = "SELECT file_id, number, author, created, size, sha256, deleted, seq, chunk FROM sync_revisions";

    private RevisionTable() {
    }

    static void insert(Connection c, RevisionRow r, List<ChunkRef> chunks) throws SQLException {
        Sql.update(c, INSERT_REVISION, revisionParams(r, chunks));
        if (sole(r, chunks) == null) {
            for (int i = 0; i < chunks.size(); i++) {
                Sql.update(c, INSERT_CHUNK, r.fileId(), r.number(), i, chunks.get(i).sha256(), chunks.get(i).length());
            }
        }
    }

    /** The chunk the revision's row names: its only chunk, when that holds all of its bytes; else null. */
    private static String sole(RevisionRow r, List<ChunkRef> chunks) {
        return chunks.size() == 1 && chunks.get(0).length() == r.size() ? chunks.get(0).sha256() : null;
    }

    private static Object[] revisionParams(RevisionRow r, List<ChunkRef> chunks) {
        return new Object[] { r.fileId(), r.number(), r.author(), r.created(), r.size(), r.sha256(), r.deleted(), r.seq(), sole(r, chunks) };
    }

    /** A revision with its ordered chunk list, waiting in a {@link Pending} batch. */
    record NewRevision(RevisionRow row, List<ChunkRef> chunks) {
    }

    /**
     * Revisions inserted together: kept until {@link #flush}, then written as two JDBC batches (the revisions, then
     * their chunk rows). Flush before reading sync_revisions in the same transaction.
     */
    static final class Pending {
        private final List<NewRevision> rows = new java.util.ArrayList<>();

        void add(RevisionRow r, List<ChunkRef> chunks) {
            rows.add(new NewRevision(r, chunks));
        }

        void flush(Connection c) throws SQLException {
            List<Object[]> revisions = new java.util.ArrayList<>();
            List<Object[]> chunkRows = new java.util.ArrayList<>();
            for (NewRevision n : rows) {
                RevisionRow r = n.row();
                revisions.add(revisionParams(r, n.chunks()));
                if (sole(r, n.chunks()) != null) {
                    continue;
                }
                for (int i = 0; i < n.chunks().size(); i++) {
                    chunkRows.add(new Object[] { r.fileId(), r.number(), i, n.chunks().get(i).sha256(), n.chunks().get(i).length() });
                }
            }
            rows.clear();
            Sql.batch(c, INSERT_REVISION, revisions);
            Sql.batch(c, INSERT_CHUNK, chunkRows);
        }
    }

    private static final String INSERT_REVISION = "INSERT INTO sync_revisions (file_id, number, author, created, size, sha256, deleted, seq, chunk)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CHUNK = "INSERT INTO sync_revision_chunks (file_id, number, idx, chunk, length) VALUES (?, ?, ?, ?, ?)";

    static Optional<RevisionRow> find(Connection c, long fileId, long number) throws SQLException {
        return Sql.one(c, COLUMNS + " WHERE file_id = ? AND number = ?", RevisionTable::row, fileId, number);
    }

    /** The newest revision of the file that holds content (not a deletion). */
    static Optional<RevisionRow> lastContent(Connection c, long fileId) throws SQLException {
        return Sql.one(c, COLUMNS + " WHERE file_id = ? AND deleted = 0 ORDER BY number DESC FETCH FIRST 1 ROWS ONLY", RevisionTable::row, fileId);
    }

    /** The file's revisions numbered below {@code before}, newest first, at most {@code limit} (by the key's index). */
    static List<RevisionRow> of(Connection c, long fileId, long before, int limit) throws SQLException {
        return Sql.list(c, COLUMNS + " WHERE file_id = ? AND number < ? ORDER BY number DESC FETCH FIRST " + limit + " ROWS ONLY", RevisionTable::row,
                fileId, before);
    }

    record FolderRevision(String path, RevisionRow revision) {
    }

    static List<FolderRevision> ofFolder(Connection c, long folderId, int limit) throws SQLException {
        return Sql.list(c, "SELECT f.path, r.file_id, r.number, r.author, r.created, r.size, r.sha256, r.deleted, r.seq, r.chunk FROM sync_revisions r"
                + " JOIN sync_files f ON r.file_id = f.id WHERE f.folder_id = ? ORDER BY r.seq DESC, f.path FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new FolderRevision(rs.getString(1), new RevisionRow(rs.getLong(2), rs.getLong(3), rs.getString(4), Sql.instant(rs, "created"),
                        rs.getLong(6), rs.getString(7), rs.getShort(8) != 0, rs.getLong(9), rs.getString(10))), folderId);
    }

    /** The revision's ordered chunk list (empty for a deletion or an empty file). */
    static List<ChunkRef> chunks(Connection c, RevisionRow r) throws SQLException {
        if (r.chunk() != null) {
            return List.of(new ChunkRef(r.chunk(), Math.toIntExact(r.size())));
        }
        return Sql.list(c, "SELECT chunk, length FROM sync_revision_chunks WHERE file_id = ? AND number = ? ORDER BY idx",
                rs -> new ChunkRef(rs.getString(1), rs.getInt(2)), r.fileId(), r.number());
    }

    /** At most {@code limit} of the revision's chunks, in order, from index {@code from}. */
    static List<ChunkRef> chunks(Connection c, RevisionRow r, long from, int limit) throws SQLException {
        if (r.chunk() != null) {
            return from == 0 ? List.of(new ChunkRef(r.chunk(), Math.toIntExact(r.size()))) : List.of();
        }
        return Sql.list(c, "SELECT chunk, length FROM sync_revision_chunks WHERE file_id = ? AND number = ? AND idx >= ? ORDER BY idx FETCH FIRST "
                + limit + " ROWS ONLY", rs -> new ChunkRef(rs.getString(1), rs.getInt(2)), r.fileId(), r.number(), Math.toIntExact(from));
    }

    /** Whether a file of the folder has (or had) the chunk: a reader may fetch only those. */
    static boolean folderHasChunk(Connection c, long folderId, String sha) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM sync_revisions r JOIN sync_files f ON r.file_id = f.id WHERE r.chunk = ? AND f.folder_id = ?"
                + " FETCH FIRST 1 ROWS ONLY", rs -> 1, sha, folderId).isPresent()
                || Sql.one(c, "SELECT 1 FROM sync_revision_chunks r JOIN sync_files f ON r.file_id = f.id WHERE r.chunk = ? AND f.folder_id = ?"
                        + " FETCH FIRST 1 ROWS ONLY", rs -> 1, sha, folderId).isPresent();
    }

    /**
     * Which of the chunks a file of the folder has (or had), looked up {@link Sql#IN_GROUP} to a statement: a download of
     * many small files' chunks checks them all in a few statements instead of one or two per chunk.
     */
    static Set<String> chunksOfFolder(Connection c, long folderId, List<String> shas) throws SQLException {
        Set<String> found = new HashSet<>(Sql.inGroups(c, byChunkInFolder("sync_revisions", "sync_revisions_chunk"), rs -> rs.getString(1), shas,
                folderId));
        List<String> rest = shas.stream().filter(s -> !found.contains(s)).distinct().toList();
        found.addAll(Sql.inGroups(c, byChunkInFolder("sync_revision_chunks", "sync_revision_chunks_chunk"), rs -> rs.getString(1), rest, folderId));
        return found;
    }

    /**
     * The rows of {@code table} naming one of the chunks (the IN list follows), joined to their file for its folder. Left
     * to itself Derby read the whole table for every group of keys (it probes an IN list only on a single table), so
     * the plan is spelt out: the chunk index first, then each row's file by its key. Derby's hints are comments to
     * other engines.
     */
    private static String byChunkInFolder(String table, String chunkIndex) {
        return "SELECT r.chunk FROM --DERBY-PROPERTIES joinOrder=FIXED\n " + table + " r --DERBY-PROPERTIES index=" + chunkIndex
                + "\n JOIN sync_files f --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n ON r.file_id = f.id WHERE f.folder_id = ? AND r.chunk";
    }

    /** Deletes every revision of the file and their chunk lists (the file's row goes separately). */
    static void deleteOf(Connection c, long fileId) throws SQLException {
        Sql.update(c, "DELETE FROM sync_revision_chunks WHERE file_id = ?", fileId);
        Sql.update(c, "DELETE FROM sync_revisions WHERE file_id = ?", fileId);
    }

    /** Deletes every revision of every file of the folder and their chunk lists. */
    static void deleteOfFolder(Connection c, long folderId) throws SQLException {
        Sql.update(c, "DELETE FROM sync_revision_chunks WHERE file_id IN (SELECT id FROM sync_files WHERE folder_id = ?)", folderId);
        Sql.update(c, "DELETE FROM sync_revisions WHERE file_id IN (SELECT id FROM sync_files WHERE folder_id = ?)", folderId);
    }

    private static RevisionRow row(ResultSet rs) throws SQLException {
        return new RevisionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), Sql.instant(rs, "created"), rs.getLong(5), rs.getString(6),
                rs.getShort(7) != 0, rs.getLong(8), rs.getString(9));
    }
}
