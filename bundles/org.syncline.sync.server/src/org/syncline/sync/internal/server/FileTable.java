package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.syncline.core.Sha256;
import org.syncline.sync.internal.server.RevisionTable.RevisionRow;

/** The SQL of sync_files: each path's current revision, whether it is in the trash, and its change number. */
final class FileTable {
    record FileRow(long id, long folderId, String path, long revision, boolean deleted, Instant deletedAt, long size, long seq) {
    }

    private static final String COLUMNS = "SELECT id, folder_id, path, revision, deleted, deleted_at, size, seq FROM sync_files";

    private FileTable() {
    }

    static Optional<FileRow> find(Connection c, long folderId, String path) throws SQLException {
        return Sql.one(c, COLUMNS + " WHERE folder_id = ? AND path_sha = ?", FileTable::row, folderId, pathSha(path));
    }

    static FileRow insert(Connection c, long folderId, String path) throws SQLException {
        Sql.update(c, "INSERT INTO sync_files (folder_id, path, path_sha, revision, deleted, size, seq) VALUES (?, ?, ?, 0, 1, 0, 0)",
                folderId, path, pathSha(path));
        return find(c, folderId, path).orElseThrow();
    }

    /**
     * A new path's row, born with its first revision (one insert, where a placeholder row and its update cost two
     * writes of the row and of its indexes).
     */
    static long insertCurrent(Connection c, long folderId, String path, long size, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_files (folder_id, path, path_sha, revision, deleted, size, seq)"
                + " VALUES (?, ?, ?, 1, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, folderId);
            ps.setString(2, path);
            ps.setString(3, pathSha(path));
            ps.setLong(4, size);
            ps.setLong(5, seq);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no key generated for the new row of '" + path + "'");
                }
                return keys.getLong(1);
            }
        }
    }

    /** A new path's row to insert with its first revision. */
    record NewRow(String path, long size) {
    }

    /**
     * New paths' rows, born with their first revision at {@code seq}, inserted as one batch; returns their ids by path,
     * read back through this seq (the caller's commit holds it, so only its rows carry it).
     */
    static Map<String, Long> insertCurrent(Connection c, long folderId, List<NewRow> rows, long seq) throws SQLException {
        Sql.batch(c, "INSERT INTO sync_files (folder_id, path, path_sha, revision, deleted, size, seq) VALUES (?, ?, ?, 1, 0, ?, ?)",
                rows.stream().map(r -> new Object[] { folderId, r.path(), pathSha(r.path()), r.size(), seq }).toList());
        Map<String, Long> ids = new HashMap<>();
        for (Object[] row : Sql.list(c, "SELECT path, id FROM sync_files WHERE folder_id = ? AND seq = ?",
                rs -> new Object[] { rs.getString(1), rs.getLong(2) }, folderId, seq)) {
            ids.put((String) row[0], (Long) row[1]);
        }
        for (NewRow r : rows) {
            if (!ids.containsKey(r.path())) {
                throw new SQLException("the new row of '" + r.path() + "' is not found at seq " + seq);
            }
        }
        return ids;
    }

    static void update(Connection c, long id, long revision, boolean deleted, Instant deletedAt, long size, long seq) throws SQLException {
        Sql.update(c, "UPDATE sync_files SET revision = ?, deleted = ?, deleted_at = ?, size = ?, seq = ? WHERE id = ?", revision, deleted,
                deletedAt, size, seq, id);
    }

    /** A file's row with its current revision, read together (a change page carries both). */
    record Current(FileRow file, RevisionRow revision) {
    }

    // the current revision joined by its key: one statement a page, where a lookup per row cost 500 statements
    private static final String CURRENT = "SELECT f.id, f.folder_id, f.path, f.revision, f.deleted, f.deleted_at, f.size, f.seq,"
            + " r.author, r.created, r.size, r.sha256, r.deleted, r.seq, r.chunk FROM sync_files f"
            + " JOIN sync_revisions r ON r.file_id = f.id AND r.number = f.revision";

    /** Files whose current revision came after {@code cursor} and at or before {@code upTo}, oldest change first. */
    static List<Current> changedSince(Connection c, long folderId, long cursor, long upTo) throws SQLException {
        return Sql.list(c, CURRENT + " WHERE f.folder_id = ? AND f.seq > ? AND f.seq <= ? ORDER BY f.seq", FileTable::current, folderId, cursor, upTo);
    }

    /**
     * The change numbers of the first {@code limit} files whose current revision came after {@code cursor} and at or
     * before {@code upTo}, in order: read from the (folder_id, seq) index alone, without a file's row or revision.
     */
    static List<Long> seqsSince(Connection c, long folderId, long cursor, long upTo, int limit) throws SQLException {
        return Sql.list(c, "SELECT seq FROM sync_files WHERE folder_id = ? AND seq > ? AND seq <= ? ORDER BY seq FETCH FIRST " + limit
                + " ROWS ONLY", rs -> rs.getLong(1), folderId, cursor, upTo);
    }

    /** What a live row hands on: its path and current revision. */
    @FunctionalInterface
    interface CurrentRow {
        void accept(String path, long revision);
    }

    /** Hands on every live file whose current revision came at or before {@code upTo}, row by row (no list of them all). */
    static void eachCurrent(Connection c, long folderId, long upTo, CurrentRow to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT path, revision FROM sync_files WHERE folder_id = ? AND deleted = 0 AND seq <= ?")) {
            ps.setLong(1, folderId);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    to.accept(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    /**
     * The folder's trash after {@code afterPath} in path order, at most {@code limit} files, each with its deletion
     * revision (its author, and the size of the content it deleted): one statement a page.
     */
    static List<Current> trash(Connection c, long folderId, String afterPath, int limit) throws SQLException {
        return Sql.list(c, CURRENT + " WHERE f.folder_id = ? AND f.deleted = 1 AND f.revision > 0 AND f.path > ? ORDER BY f.path FETCH FIRST "
                + limit + " ROWS ONLY", FileTable::current, folderId, afterPath);
    }

    static long trashCount(Connection c, long folderId) throws SQLException {
        return Sql.number(c, "SELECT COUNT(*) FROM sync_files WHERE folder_id = ? AND deleted = 1 AND revision > 0", folderId);
    }

    static List<FileRow> deletedBefore(Connection c, Instant before) throws SQLException {
        return Sql.list(c, COLUMNS + " WHERE deleted = 1 AND deleted_at < ?", FileTable::row, before);
    }

    /**
     * Deletes the file with every revision, if it is still in the trash since before {@code before} (a commit may have
     * brought it back since it was listed); returns whether it went.
     */
    static boolean deleteExpired(Connection c, long id, Instant before) throws SQLException {
        if (Sql.update(c, "DELETE FROM sync_files WHERE id = ? AND deleted = 1 AND deleted_at < ?", id, before) == 0) {
            return false;
        }
        RevisionTable.deleteOf(c, id);
        return true;
    }

    static long count(Connection c, long folderId) throws SQLException {
        return Sql.number(c, "SELECT COUNT(*) FROM sync_files WHERE folder_id = ? AND deleted = 0", folderId);
    }

    static long bytes(Connection c, long folderId) throws SQLException {
        return Sql.number(c, "SELECT COALESCE(SUM(size), 0) FROM sync_files WHERE folder_id = ? AND deleted = 0", folderId);
    }

    /** What the folders {@code owner} owns hold now: the bytes their quota counts. */
    static long usage(Connection c, String owner) throws SQLException {
        return Sql.number(c, "SELECT COALESCE(SUM(f.size), 0) FROM sync_files f JOIN sync_folders d ON f.folder_id = d.id"
                + " WHERE d.owner = ? AND f.deleted = 0", owner);
    }

    /** What the folders of each owner hold now, by owner: {@link #usage} of everyone in one query. */
    static java.util.Map<String, Long> usageByOwner(Connection c) throws SQLException {
        java.util.Map<String, Long> usage = new java.util.HashMap<>();
        for (Object[] r : Sql.list(c, "SELECT d.owner, COALESCE(SUM(f.size), 0) FROM sync_files f JOIN sync_folders d ON f.folder_id = d.id"
                + " WHERE f.deleted = 0 GROUP BY d.owner", rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
            usage.put((String) r[0], (Long) r[1]);
        }
        return usage;
    }

    private static String pathSha(String path) {
        return Sha256.hex(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Current current(ResultSet rs) throws SQLException {
        FileRow f = new FileRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getShort(5) != 0, Sql.instant(rs, 6),
                rs.getLong(7), rs.getLong(8));
        return new Current(f, new RevisionRow(f.id(), f.revision(), rs.getString(9), Sql.instant(rs, 10), rs.getLong(11), rs.getString(12),
                rs.getShort(13) != 0, rs.getLong(14), rs.getString(15)));
    }

    private static FileRow row(ResultSet rs) throws SQLException {
        return new FileRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getShort(5) != 0, Sql.instant(rs, "deleted_at"),
                rs.getLong(7), rs.getLong(8));
    }
}
