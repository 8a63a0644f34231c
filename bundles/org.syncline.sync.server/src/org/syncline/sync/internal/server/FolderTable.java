package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.syncline.protocol.Grant;
import org.syncline.protocol.Right;

/** The SQL of sync_folders and sync_members. A folder's owner holds manage without a member row. */
final class FolderTable {
    record FolderRow(long id, String name, String owner, Instant created) {
    }

    private static final String COLUMNS = "SELECT id, name, owner, created FROM sync_folders";

    private FolderTable() {
    }

    static FolderRow insert(Connection c, String name, String owner, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO sync_folders (name, owner, created) VALUES (?, ?, ?)", name, owner, now);
        FolderRow f = find(c, name).orElseThrow();
        Sql.update(c, "INSERT INTO sync_folder_changes (folder_id, seq) VALUES (?, 0)", f.id());
        return f;
    }

    static Optional<FolderRow> find(Connection c, String name) throws SQLException {
        return Sql.one(c, COLUMNS + " WHERE name = ?", FolderTable::row, name);
    }

    static List<FolderRow> all(Connection c) throws SQLException {
        return Sql.list(c, COLUMNS + " ORDER BY name", FolderTable::row);
    }

    /** Deletes the folder with its members, files and every revision of them (no foreign key cascades to the files). */
    static void delete(Connection c, long id) throws SQLException {
        // first the row a commit locks first (after the sequence), so a delete waits for a running commit's end
        // instead of holding its files while the commit waits for that row
        Sql.update(c, "DELETE FROM sync_folder_changes WHERE folder_id = ?", id);
        RevisionTable.deleteOfFolder(c, id);
        Sql.update(c, "DELETE FROM sync_files WHERE folder_id = ?", id);
        Sql.update(c, "DELETE FROM sync_folders WHERE id = ?", id);
    }

    /**
     * Records {@code seq} as the folder's last change and returns the one before it (0: none). Called by every change
     * that takes a seq, after {@link SyncHub#nextSeq}, which makes them one at a time.
     */
    static long changedAt(Connection c, long id, long seq) throws SQLException {
        long before = Sql.number(c, "SELECT seq FROM sync_folder_changes WHERE folder_id = ?", id);
        if (Sql.update(c, "UPDATE sync_folder_changes SET seq = ? WHERE folder_id = ?", seq, id) == 0) {
            throw new SQLException("folder " + id + " has no row in sync_folder_changes");
        }
        return before;
    }

    /** The owner's implicit manage first, then the members by kind and name. */
    static List<Grant> grants(Connection c, FolderRow f) throws SQLException {
        List<Grant> grants = new ArrayList<>();
        grants.add(Grant.user(f.owner(), Right.MANAGE));
        grants.addAll(Sql.list(c, "SELECT subject_kind, subject, access_right FROM sync_members WHERE folder_id = ? ORDER BY subject_kind DESC, subject",
                rs -> new Grant(Grant.Kind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getString(2), Right.parse(rs.getString(3))),
                f.id()));
        return grants;
    }

    static void putMember(Connection c, long folderId, Grant g) throws SQLException {
        removeMember(c, folderId, g.kind(), g.subject());
        Sql.update(c, "INSERT INTO sync_members (folder_id, subject_kind, subject, access_right) VALUES (?, ?, ?, ?)", folderId,
                kind(g.kind()), g.subject(), g.right().word());
    }

    static int removeMember(Connection c, long folderId, Grant.Kind kind, String subject) throws SQLException {
        return Sql.update(c, "DELETE FROM sync_members WHERE folder_id = ? AND subject_kind = ? AND subject = ?", folderId, kind(kind), subject);
    }

    static String kind(Grant.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static FolderRow row(java.sql.ResultSet rs) throws SQLException {
        return new FolderRow(rs.getLong(1), rs.getString(2), rs.getString(3), Sql.instant(rs, "created"));
    }
}
