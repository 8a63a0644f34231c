package org.syncline.sync.internal.server;

import java.util.List;

import org.syncline.store.Migration;

/**
 * The hub's schema (component {@code sync}), oldest first, append only. A file's path is unique in its
 * folder through its SHA-256 (a long path cannot be an index key). {@code sync_sequence} numbers commits:
 * taking the next number locks its row, so numbers are handed out in commit order and a client's cursor
 * never skips a commit that was still running. Since migration 3 a revision of one chunk names it in
 * {@code sync_revisions.chunk} (its length is the revision's size) and has no {@code sync_revision_chunks} rows, and
 * the files, revisions and chunk lists have no foreign keys (whose indexes only repeated the leading columns of
 * another index): their deletes are written out ({@link FolderTable#delete}, {@link FileTable#delete}).
 */
final class SyncSchema {
    static final List<Migration> MIGRATIONS = List.of(Migration.sql(1, "folders, members, files, revisions, chunks, quotas",
            """
            CREATE TABLE sync_folders (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name VARCHAR(255) NOT NULL UNIQUE,
                owner VARCHAR(64) NOT NULL,
                created TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE sync_members (
                folder_id BIGINT NOT NULL REFERENCES sync_folders (id) ON DELETE CASCADE,
                subject_kind VARCHAR(8) NOT NULL,
                subject VARCHAR(64) NOT NULL,
                access_right VARCHAR(8) NOT NULL,
                PRIMARY KEY (folder_id, subject_kind, subject))""",
            """
            CREATE TABLE sync_files (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                folder_id BIGINT NOT NULL REFERENCES sync_folders (id) ON DELETE CASCADE,
                path VARCHAR(4096) NOT NULL,
                path_sha CHAR(64) NOT NULL,
                revision BIGINT NOT NULL,
                deleted SMALLINT NOT NULL,
                deleted_at TIMESTAMP,
                size BIGINT NOT NULL,
                seq BIGINT NOT NULL,
                UNIQUE (folder_id, path_sha))""",
            "CREATE INDEX sync_files_seq ON sync_files (folder_id, seq)",
            """
            CREATE TABLE sync_revisions (
                file_id BIGINT NOT NULL REFERENCES sync_files (id) ON DELETE CASCADE,
                number BIGINT NOT NULL,
                author VARCHAR(64) NOT NULL,
                created TIMESTAMP NOT NULL,
                size BIGINT NOT NULL,
                sha256 CHAR(64),
                deleted SMALLINT NOT NULL,
                seq BIGINT NOT NULL,
                PRIMARY KEY (file_id, number))""",
            """
            CREATE TABLE sync_revision_chunks (
                file_id BIGINT NOT NULL,
                number BIGINT NOT NULL,
                idx INT NOT NULL,
                chunk CHAR(64) NOT NULL,
                length INT NOT NULL,
                PRIMARY KEY (file_id, number, idx),
                FOREIGN KEY (file_id, number) REFERENCES sync_revisions (file_id, number) ON DELETE CASCADE)""",
            "CREATE INDEX sync_revision_chunks_chunk ON sync_revision_chunks (chunk)",
            """
            CREATE TABLE sync_chunks (
                sha256 CHAR(64) NOT NULL PRIMARY KEY,
                size INT NOT NULL,
                touched TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE sync_quotas (
                user_name VARCHAR(64) NOT NULL PRIMARY KEY,
                bytes BIGINT NOT NULL)""",
            "CREATE TABLE sync_sequence (id INT NOT NULL PRIMARY KEY, seq BIGINT NOT NULL)",
            "INSERT INTO sync_sequence (id, seq) VALUES (1, 0)"),
            Migration.sql(2, "chunks of small files in pack files",
                    "ALTER TABLE sync_chunks ADD COLUMN pack VARCHAR(40)",
                    "ALTER TABLE sync_chunks ADD COLUMN pack_offset BIGINT",
                    "CREATE INDEX sync_chunks_pack ON sync_chunks (pack)"),
            new Migration(3, "a one-chunk revision names its chunk in its row; no foreign-key indexes another index covers",
                    SmallRevisionMigration::run),
            // a folder's last change: a commit's answer says it, so an agent knows when nobody else changed the folder
            // between its cursor and its own commit (upgraded folders start at the last seq, which is never too low)
            Migration.sql(4, "each folder's last change",
                    """
                    CREATE TABLE sync_folder_changes (
                        folder_id BIGINT NOT NULL PRIMARY KEY REFERENCES sync_folders (id) ON DELETE CASCADE,
                        seq BIGINT NOT NULL)""",
                    "INSERT INTO sync_folder_changes (folder_id, seq) SELECT f.id, s.seq FROM sync_folders f, sync_sequence s WHERE s.id = 1"),
            // 1 when the uploader sent the chunk as a stored entry (it judged that deflating saves too little): a download
            // sends it stored without deflating it again to judge; null (rows from before, blobs) or 0: judged as it goes out
            Migration.sql(5, "whether a packed chunk was sent stored", "ALTER TABLE sync_chunks ADD COLUMN sent_stored SMALLINT"));

    private SyncSchema() {
    }
}
