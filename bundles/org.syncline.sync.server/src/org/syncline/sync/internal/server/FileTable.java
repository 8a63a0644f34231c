package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.syncline.core.Sha256;

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

    static void update(Connection c, long id, long revision, boolean deleted, Instant deletedAt, long size, long seq) throws SQLException {
        Sql.update(c, "UPDATE sync_files SET revision = ?, deleted = ?, deleted_at = ?, size = ?, seq = ? WHERE id = ?", revision, deleted,
                deletedAt, size, seq, id);
    }

    /** Files whose current revision came after {@code cursor} and at or before {@code upTo}, oldest change first. */
    static List<FileRow> changedSince(Connection c, long folderId, long cursor, long upTo, int limit) throws SQLException {
        return Sql.list(c, COLUMNS + " WHERE folder_id = ? AND seq > ? AND seq <= ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY",
                FileTable::row, folderId, cursor, upTo);
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

    /** Every file one commit (one {@code seq}) changed. */
    static List<FileRow> changedAt(Connection c, long folderId, long seq) throws SQLException {
        return Sql.list(c, COLUMNS + " WHERE folder_id = ? AND seq = ? ORDER BY path", FileTable::row, folderId, seq);
    }

    static List<FileRow> trash(Connection c, long folderId) throws SQLException {
        return Sql.list(c, COLUMNS + " WHERE folder_id = ? AND deleted = 1 AND revision > 0 ORDER BY path", FileTable::row, folderId);
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

    private static String pathSha(String path) {
        return Sha256.hex(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static FileRow row(ResultSet rs) throws SQLException {
        return new FileRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getShort(5) != 0, Sql.instant(rs, "deleted_at"),
                rs.getLong(7), rs.getLong(8));
    }
}
