package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.Sha256;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.protocol.Principal;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;
import org.syncline.sync.ChangePage;
import org.syncline.sync.FileChange;
import org.syncline.sync.RemoteFile;

/**
 * A hub whose data was written under the schema before migration 3 (rows inserted as that code wrote them) serves
 * the same files after the upgrade: one-chunk revisions move into their revision rows, longer lists stay, the
 * foreign keys are gone and deletes still leave no row behind.
 */
class SchemaUpgradeTest {
    private final Principal ann = WithDerbyHub.ANN;

    @TempDir
    Path dir;

    @Test
    void aHubUpgradedWithDataServesTheSameFilesAndDeletesWhole() throws Exception {
        Database db = Database.open(dir.resolve("db"));
        try {
            BlobStore blobs = new BlobStore(dir.resolve("chunks"));
            String one = chunk(blobs, "one chunk"), two = chunk(blobs, "second revision"), a = chunk(blobs, "first half "),
                    b = chunk(blobs, "second half");
            db.migrate("sync", SyncSchema.MIGRATIONS.subList(0, 2));
            db.inTransaction(c -> {
                Sql.update(c, "INSERT INTO sync_folders (name, owner, created) VALUES ('shared', 'ann', ?)", Instant.now());
                long folder = Sql.number(c, "SELECT id FROM sync_folders WHERE name = 'shared'");
                oldFile(c, folder, "small.txt", 1, 2, false, 15, List.of(List.of(one), List.of(two)));
                oldFile(c, folder, "big.bin", 2, 3, false, 22, List.of(List.of(a, b)));
                oldFile(c, folder, "empty.txt", 3, 4, false, 0, List.of(List.of()));
                oldFile(c, folder, "gone.txt", 4, 5, true, 0, List.of(List.of(one)));
                Sql.update(c, "UPDATE sync_sequence SET seq = 5 WHERE id = 1");
                for (String sha : List.of(one, two, a, b)) {
                    Sql.update(c, "INSERT INTO sync_chunks (sha256, size, touched) VALUES (?, ?, ?)", sha, length(sha), Instant.now());
                }
                return null;
            });
            assertEquals(5, rows(db, "sync_revision_chunks"), "the old schema lists every chunk in sync_revision_chunks");
            assertEquals(List.of(4L, 2L, 3L), indexes(db), "the foreign keys have indexes of their own");

            db.migrate("sync", SyncSchema.MIGRATIONS);
            SyncHub hub = new SyncHub(db, new ChunkStorage(db, blobs, new PackFiles(dir.resolve("packs"))), Duration.ofDays(30),
                    Logger.getLogger("test"));

            Map<String, RemoteFile> head = head(hub);
            assertEquals(List.of(ref(two)), head.get("small.txt").chunks());
            assertEquals(2, head.get("small.txt").revision());
            assertEquals(List.of(ref(a), ref(b)), head.get("big.bin").chunks());
            assertEquals(List.of(), head.get("empty.txt").chunks());
            assertTrue(head.get("gone.txt").deleted());
            assertEquals(List.of(ref(one)), hub.fileChunks(ann, "shared", "small.txt", 1));
            assertEquals(List.of(ref(one)), hub.fileChunks(ann, "shared", "gone.txt", 1));
            assertEquals(2, rows(db, "sync_revision_chunks"), "only the two-chunk list keeps its rows");
            try (InputStream in = hub.openChunk(ann, "shared", two)) {
                assertArrayEquals(text("second revision"), in.readAllBytes());
            }
            assertEquals(List.of(3L, 2L, 2L), indexes(db), "files: id, path, seq; revisions: key, chunk; chunk lists: key, chunk");
            assertEquals(5, db.inTransaction(c -> Sql.number(c, "SELECT seq FROM sync_folder_changes")), "an upgraded folder's last change"
                    + " is the last seq: never lower than the truth");
            db.inTransaction(c -> {
                for (String table : List.of("SYNC_FILES", "SYNC_REVISIONS", "SYNC_REVISION_CHUNKS")) {
                    assertEquals(List.of(), SmallRevisionMigration.foreignKeys(c, table), table);
                }
                return null;
            });

            // restoring an old one-chunk revision and writing new ones work on the upgraded rows
            long restored = hub.restore(ann, "shared", "small.txt", 1).cursor();
            assertEquals(List.of(ref(one)), hub.fileChunks(ann, "shared", "small.txt", 3));
            assertEquals(restored, hub.commit(ann, "shared", List.of(FileChange.put("new.txt", 0, 9, one, List.of(ref(one))))).value().folderBefore());
            assertEquals(List.of(ref(one)), head(hub).get("new.txt").chunks());

            hub.delete(ann, "shared");
            for (String table : List.of("sync_files", "sync_revisions", "sync_revision_chunks", "sync_folders")) {
                assertEquals(0, rows(db, table), table);
            }
        } finally {
            db.close();
        }
    }

    /** Rows as the code before migration 3 wrote them: every revision's chunks in sync_revision_chunks. */
    private static void oldFile(Connection c, long folder, String path, long firstSeq, long lastSeq, boolean deletedLast, long size,
            List<List<String>> contents) throws SQLException {
        int revisions = contents.size() + (deletedLast ? 1 : 0);
        Sql.update(c, "INSERT INTO sync_files (folder_id, path, path_sha, revision, deleted, deleted_at, size, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                folder, path, Sha256.hex(text(path)), (long) revisions, deletedLast, deletedLast ? Instant.now() : null, deletedLast ? 0L : size,
                lastSeq);
        long id = Sql.number(c, "SELECT id FROM sync_files WHERE path = ?", path);
        for (int n = 1; n <= contents.size(); n++) {
            List<String> shas = contents.get(n - 1);
            long bytes = shas.stream().mapToLong(s -> length(s)).sum();
            Sql.update(c, "INSERT INTO sync_revisions (file_id, number, author, created, size, sha256, deleted, seq) VALUES (?, ?, 'ann', ?, ?, ?, ?, ?)",
                    id, (long) n, Instant.now(), bytes, shas.isEmpty() ? Sha256.hex(new byte[0]) : shas.get(shas.size() - 1), false, firstSeq);
            for (int i = 0; i < shas.size(); i++) {
                Sql.update(c, "INSERT INTO sync_revision_chunks (file_id, number, idx, chunk, length) VALUES (?, ?, ?, ?, ?)", id, (long) n, i,
                        shas.get(i), length(shas.get(i)));
            }
        }
        if (deletedLast) {
            Sql.update(c, "INSERT INTO sync_revisions (file_id, number, author, created, size, sha256, deleted, seq) VALUES (?, ?, 'ann', ?, 0, NULL, ?, ?)",
                    id, (long) revisions, Instant.now(), true, lastSeq);
        }
    }

    private static final Map<String, Integer> LENGTHS = new TreeMap<>();

    private static int length(String sha) {
        return LENGTHS.get(sha);
    }

    private static String chunk(BlobStore blobs, String content) throws IOException {
        byte[] data = text(content);
        String sha = Sha256.hex(data);
        try (InputStream in = new ByteArrayInputStream(data)) {
            blobs.put(in, sha);
        }
        LENGTHS.put(sha, data.length);
        return sha;
    }

    private static ChunkRef ref(String sha) {
        return new ChunkRef(sha, length(sha));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** How many indexes (Derby's conglomerates, one shared by equal keys) sync_files, sync_revisions and sync_revision_chunks have. */
    private static List<Long> indexes(Database db) {
        return db.inTransaction(c -> {
            List<Long> out = new java.util.ArrayList<>();
            for (String table : List.of("SYNC_FILES", "SYNC_REVISIONS", "SYNC_REVISION_CHUNKS")) {
                out.add(Sql.number(c, "SELECT COUNT(DISTINCT g.conglomeratenumber) FROM sys.sysconglomerates g JOIN sys.systables t"
                        + " ON g.tableid = t.tableid WHERE t.tablename = ? AND g.isindex", table));
            }
            return out;
        });
    }

    private static long rows(Database db, String table) {
        return db.inTransaction(c -> Sql.number(c, "SELECT COUNT(*) FROM " + table));
    }

    private static Map<String, RemoteFile> head(SyncHub hub) {
        Map<String, RemoteFile> out = new TreeMap<>();
        long cursor = 0;
        while (true) {
            ChangePage page = hub.changesSince(WithDerbyHub.ANN, "shared", cursor);
            page.files().forEach(f -> out.put(f.path(), f));
            cursor = page.cursor();
            if (!page.more()) {
                return out;
            }
        }
    }
}
