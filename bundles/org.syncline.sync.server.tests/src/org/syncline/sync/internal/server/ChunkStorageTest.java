package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;
import org.syncline.sync.ChunkPack;

/** The hub's chunk storage on a real Derby database: rows and pack files always agree. */
class ChunkStorageTest {
    @TempDir
    Path dir;
    private Database db;
    private BlobStore blobs;
    private ChunkStorage storage;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        db.migrate("sync", SyncSchema.MIGRATIONS);
        blobs = new BlobStore(dir.resolve("chunks"));
        storage = new ChunkStorage(db, blobs, new PackFiles(dir.resolve("packs")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private boolean holds(String sha) {
        return db.inTransaction(c -> storage.holds(c, sha));
    }

    private long rows() {
        return db.inTransaction(c -> Sql.number(c, "SELECT COUNT(*) FROM sync_chunks"));
    }

    @Test
    void storedChunksAreHeldAndReadBackThroughTheirRows() throws Exception {
        byte[] a = PackFilesTest.random(4096, 1), b = PackFilesTest.random(5000, 2);
        assertEquals(2, storage.storePack(PackFilesTest.upload(a, b)));
        assertTrue(holds(Sha256.hex(a)));
        assertTrue(holds(Sha256.hex(b)));
        assertFalse(holds(Sha256.hex(PackFilesTest.random(10, 3))));
        try (InputStream in = storage.open(Sha256.hex(b))) {
            assertArrayEquals(b, in.readAllBytes());
        }
        assertFalse(blobs.exists(Sha256.hex(a)), "a packed chunk is not also a blob");
    }

    @Test
    void aFailedUploadLeavesNeitherRowsNorBytes() throws Exception {
        byte[] a = PackFilesTest.random(4096, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(a), a, a.length);
        ChunkPack.write(out, Sha256.hex(PackFilesTest.random(8, 5)), a, a.length);
        assertThrows(SynclineException.class, () -> storage.storePack(new ChunkPack.Reader(new ByteArrayInputStream(out.toByteArray()))));
        assertEquals(0, rows());
        assertFalse(holds(Sha256.hex(a)));
        assertEquals(List.of(), PackFilesTest.files(dir.resolve("packs")));
    }

    @Test
    void aChunkUploadedAgainKeepsItsFirstPlaceAndEveryRowNamesBytesOnDisk() throws Exception {
        byte[] a = PackFilesTest.random(4096, 6), b = PackFilesTest.random(4096, 7);
        storage.storePack(PackFilesTest.upload(a));
        PackFiles.Slot first = db.inTransaction(c -> ChunkTable.location(c, Sha256.hex(a))).orElseThrow();
        storage.storePack(PackFilesTest.upload(a, b));
        assertEquals(first, db.inTransaction(c -> ChunkTable.location(c, Sha256.hex(a))).orElseThrow());
        assertEquals(2, rows());
        for (String pack : db.inTransaction(ChunkTable::packs)) {
            assertTrue(Files.isRegularFile(dir.resolve("packs").resolve(pack)), pack);
        }
    }

    @Test
    void aPackGoesWhenThePurgeFreedItsLastChunkNotBefore() throws Exception {
        byte[] a = PackFilesTest.random(4096, 8), b = PackFilesTest.random(4096, 9);
        storage.storePack(PackFilesTest.upload(a, b));
        String pack = db.inTransaction(c -> ChunkTable.location(c, Sha256.hex(a))).orElseThrow().pack();
        Path file = dir.resolve("packs").resolve(pack);
        List<PackFiles.Slot> freedA = db.inTransaction(c -> {
            List<PackFiles.Slot> all = ChunkTable.unreferenced(c, Instant.now().plusSeconds(1));
            List<PackFiles.Slot> one = all.stream().filter(s -> s.sha256().equals(Sha256.hex(a))).toList();
            ChunkTable.delete(c, Sha256.hex(a));
            return one;
        });
        storage.release(freedA);
        assertTrue(Files.exists(file), "b still lives in the pack");
        try (InputStream in = storage.open(Sha256.hex(b))) {
            assertArrayEquals(b, in.readAllBytes());
        }
        List<PackFiles.Slot> freedB = db.inTransaction(c -> {
            List<PackFiles.Slot> all = ChunkTable.unreferenced(c, Instant.now().plusSeconds(1));
            ChunkTable.delete(c, Sha256.hex(b));
            return all;
        });
        storage.release(freedB);
        assertFalse(Files.exists(file));
    }

    /**
     * A commit takes a chunk just recorded from a pack as held without reading its row again (shown here by removing
     * the row behind the storage's back), and looks it up again once the purge freed it (release).
     */
    @Test
    void aCommitTakesAChunkJustRecordedFromAPackAsHeldUntilThePurgeFreesIt() throws Exception {
        byte[] a = PackFilesTest.random(4096, 12), b = PackFilesTest.random(4096, 13);
        String shaA = Sha256.hex(a), shaB = Sha256.hex(b);
        storage.storePack(PackFilesTest.upload(a));
        assertEquals(Set.of(shaA), db.inTransaction(c -> storage.heldAtCommit(c, List.of(shaA, shaB))));

        List<PackFiles.Slot> freed = db.inTransaction(c -> {
            List<PackFiles.Slot> all = ChunkTable.unreferenced(c, Instant.now().plusSeconds(1));
            ChunkTable.delete(c, shaA);
            return all;
        });
        assertEquals(Set.of(shaA), db.inTransaction(c -> storage.heldAtCommit(c, List.of(shaA))), "not read again");
        assertEquals(Set.of(), db.inTransaction(c -> storage.held(c, List.of(shaA))), "the row is gone");
        storage.release(freed);
        assertEquals(Set.of(), db.inTransaction(c -> storage.heldAtCommit(c, List.of(shaA, shaB))));
    }

    @Test
    void atStartAPackNoRowNamesAndATornTempFileGoAndNamedPacksStay() throws Exception {
        byte[] a = PackFilesTest.random(4096, 10), b = PackFilesTest.random(4096, 11);
        storage.storePack(PackFilesTest.upload(a));
        // the hub died after forcing a pack but before its rows were committed
        new PackFiles(dir.resolve("packs")).write(PackFilesTest.upload(b));
        Files.write(dir.resolve("packs").resolve(".0123456789abcdef0123456789abcdef.pack99.part"), new byte[123]);
        assertEquals(3, PackFilesTest.files(dir.resolve("packs")).size());
        assertEquals(2, storage.recover());
        assertEquals(List.copyOf(db.inTransaction(ChunkTable::packs)), PackFilesTest.files(dir.resolve("packs")));
        try (InputStream in = storage.open(Sha256.hex(a))) {
            assertArrayEquals(a, in.readAllBytes());
        }
    }
}
