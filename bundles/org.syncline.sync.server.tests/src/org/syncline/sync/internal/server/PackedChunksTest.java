package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.ChunkPack;
import org.syncline.sync.FileChange;

/**
 * A download of many chunks checks that each belongs to a file of the folder in a few grouped statements: every chunk
 * of the folder comes back, whether its revision names it in its own row (one chunk) or in a chunk list (more), and a
 * chunk that only another folder's file has is refused by name.
 */
class PackedChunksTest extends WithDerbyHub {
    private PackedChunks packs;

    @BeforeEach
    void open() {
        packs = new PackedChunks(db, chunks);
        hub.create(ANN, "other");
    }

    @Test
    void everyChunkOfTheFolderComesBackAndAnotherFoldersChunkIsRefused() throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        List<FileChange> files = new ArrayList<>();
        for (int i = 0; i < Sql.IN_GROUP * 2 + 7; i++) { // more than two lookup groups
            byte[] data = ("one-chunk file " + i).getBytes(StandardCharsets.UTF_8);
            files.add(FileChange.put("f" + i + ".txt", 0, data.length, store(data, content), List.of(new ChunkRef(Sha256.hex(data), data.length))));
        }
        byte[] head = "first half|".getBytes(StandardCharsets.UTF_8), tail = "second half".getBytes(StandardCharsets.UTF_8);
        store(head, content);
        store(tail, content);
        files.add(FileChange.put("two.txt", 0, head.length + tail.length, Sha256.hex("first half|second half".getBytes(StandardCharsets.UTF_8)),
                List.of(new ChunkRef(Sha256.hex(head), head.length), new ChunkRef(Sha256.hex(tail), tail.length))));
        hub.commit(ANN, "shared", files);
        byte[] elsewhere = "only in the other folder".getBytes(StandardCharsets.UTF_8);
        String elsewhereSha = store(elsewhere, new LinkedHashMap<>());
        hub.commit(ANN, "other", List.of(FileChange.put("x.txt", 0, elsewhere.length, elsewhereSha,
                List.of(new ChunkRef(elsewhereSha, elsewhere.length)))));

        List<String> asked = List.copyOf(content.keySet());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packs.send(ANN, "shared", asked, true, out);
        Map<String, byte[]> got = unpack(asked, out);
        assertEquals(asked, List.copyOf(got.keySet()));
        for (String sha : asked) {
            assertArrayEquals(content.get(sha), got.get(sha));
        }

        // each group of keys is looked up in the chunk index, each row's file by its key: no table read whole per group
        String oneChunkPlan = plan(asked.subList(0, Sql.IN_GROUP));
        assertTrue(oneChunkPlan.contains("Index Scan ResultSet for SYNC_REVISIONS using index SYNC_REVISIONS_CHUNK"), oneChunkPlan);
        String listPlan = plan(List.of(Sha256.hex(head), Sha256.hex(tail)));
        assertTrue(listPlan.contains("Index Scan ResultSet for SYNC_REVISION_CHUNKS using index SYNC_REVISION_CHUNKS_CHUNK"), listPlan);
        for (String plan : List.of(oneChunkPlan, listPlan)) {
            assertTrue(!plan.contains("Table Scan") && !plan.contains("Hash Scan"), plan);
        }

        List<String> mixed = List.of(asked.get(0), elsewhereSha, asked.get(asked.size() - 1));
        SynclineException e = assertThrows(SynclineException.class, () -> packs.send(ANN, "shared", mixed, true, new ByteArrayOutputStream()));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains(elsewhereSha), e.getMessage());
    }

    @Test
    void aChunkThatDoesNotShrinkGoesStoredOnlyToAClientThatAsks() throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(noise);
        byte[] text = "a line of text that repeats\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        String noiseSha = store(noise, content), textSha = store(text, content);
        hub.commit(ANN, "shared", List.of(oneChunkFile("noise.bin", noise), oneChunkFile("text.txt", text)));
        List<String> asked = List.of(noiseSha, textSha);

        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        packs.send(ANN, "shared", asked, true, stored);
        byte[] pack = stored.toByteArray();
        assertEquals(0x80, pack[32] & 0x80, "the noise went stored");
        assertEquals(32 + 4 + noise.length, ((pack[32] & 0x7f) << 24 | (pack[33] & 0xff) << 16 | (pack[34] & 0xff) << 8 | pack[35] & 0xff) + 36);
        assertTrue(pack.length < noise.length + text.length / 4, "the text deflated: " + pack.length);

        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        packs.send(ANN, "shared", asked, false, deflated);
        assertEquals(0, deflated.toByteArray()[32] & 0x80, "a client that does not ask gets the noise deflated, as before stored entries");
        for (ByteArrayOutputStream out : List.of(stored, deflated)) {
            Map<String, byte[]> got = unpack(asked, out);
            assertArrayEquals(noise, got.get(noiseSha));
            assertArrayEquals(text, got.get(textSha));
        }
    }

    /**
     * The uploader judged its chunks (a stored entry did not shrink enough); the hub keeps that mark and sends such a
     * chunk stored without judging it again. The mark decides, so a compressible chunk an uploader chose to send stored
     * goes stored too, while one it sent deflated is judged (and deflated) as before; a client that does not read stored
     * entries gets both deflated.
     */
    @Test
    void aChunkItsUploaderSentStoredGoesOutStoredWithoutBeingJudgedAgain() throws IOException {
        byte[] keptRaw = "sent stored by its uploader\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        byte[] deflated = "sent deflated by its uploader\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        String keptSha = Sha256.hex(keptRaw), deflatedSha = Sha256.hex(deflated);
        ByteArrayOutputStream upload = new ByteArrayOutputStream();
        ChunkPack.writeStored(upload, keptSha, keptRaw, keptRaw.length);
        ChunkPack.write(upload, deflatedSha, deflated, deflated.length);
        assertEquals(2, packs.store(ANN, "shared", new ByteArrayInputStream(upload.toByteArray())));
        hub.commit(ANN, "shared", List.of(oneChunkFile("kept.txt", keptRaw), oneChunkFile("deflated.txt", deflated)));
        List<String> asked = List.of(keptSha, deflatedSha);

        ByteArrayOutputStream toNew = new ByteArrayOutputStream();
        packs.send(ANN, "shared", asked, true, toNew);
        assertEquals(List.of(true, false), storedFlags(toNew.toByteArray()));
        ByteArrayOutputStream toOld = new ByteArrayOutputStream();
        packs.send(ANN, "shared", asked, false, toOld);
        assertEquals(List.of(false, false), storedFlags(toOld.toByteArray()));
        for (ByteArrayOutputStream out : List.of(toNew, toOld)) {
            Map<String, byte[]> got = unpack(asked, out);
            assertArrayEquals(keptRaw, got.get(keptSha));
            assertArrayEquals(deflated, got.get(deflatedSha));
        }
    }

    /**
     * The hub sends a chunk as its pack holds it, without hashing it (the client checks every entry against its name):
     * bytes damaged on the hub's disk reach the client, which refuses that chunk by name and hands on none of it.
     */
    @Test
    void aChunkDamagedOnTheHubsDiskIsRefusedByTheClientByName() throws IOException {
        byte[] good = "a chunk that stays intact\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] hit = "a chunk whose pack bytes rot\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        String goodSha = Sha256.hex(good), hitSha = Sha256.hex(hit);
        ByteArrayOutputStream upload = new ByteArrayOutputStream();
        ChunkPack.writeStored(upload, goodSha, good, good.length);
        ChunkPack.writeStored(upload, hitSha, hit, hit.length);
        packs.store(ANN, "shared", new ByteArrayInputStream(upload.toByteArray()));
        hub.commit(ANN, "shared", List.of(oneChunkFile("good.txt", good), oneChunkFile("hit.txt", hit)));
        PackFiles.Slot slot = db.inTransaction(c -> ChunkTable.location(c, hitSha)).orElseThrow();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve("packs").resolve(slot.pack()),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] { 'X' }), slot.offset() + 10);
        }

        List<String> asked = List.of(goodSha, hitSha);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packs.send(ANN, "shared", asked, true, out);
        Map<String, byte[]> got = new LinkedHashMap<>();
        SynclineException e = assertThrows(SynclineException.class, () -> {
            try (ChunkPack.Unpacking unpack = new ChunkPack.Unpacking(asked, got::put)) {
                unpack.write(out.toByteArray());
            }
        });
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertTrue(e.getMessage().contains(hitSha), e.getMessage());
        assertEquals(List.of(goodSha), List.copyOf(got.keySet()), "the intact chunk before it was handed on, the damaged one not");
        assertArrayEquals(good, got.get(goodSha));
    }

    /** A put of a file of one chunk, {@code data}. */
    private static FileChange oneChunkFile(String path, byte[] data) {
        String sha = Sha256.hex(data);
        return FileChange.put(path, 0, data.length, sha, List.of(new ChunkRef(sha, data.length)));
    }

    /** The chunks a client takes from the pack the hub sent, by name, in order. */
    private static Map<String, byte[]> unpack(List<String> asked, ByteArrayOutputStream pack) throws IOException {
        Map<String, byte[]> got = new LinkedHashMap<>();
        try (ChunkPack.Unpacking unpack = new ChunkPack.Unpacking(asked, got::put)) {
            unpack.write(pack.toByteArray());
        }
        return got;
    }

    /** Whether each entry of the pack is stored (its length word's top bit), in order. */
    private static List<Boolean> storedFlags(byte[] pack) {
        List<Boolean> flags = new ArrayList<>();
        for (int at = 0; at < pack.length;) {
            int word = (pack[at + 32] & 0xff) << 24 | (pack[at + 33] & 0xff) << 16 | (pack[at + 34] & 0xff) << 8 | pack[at + 35] & 0xff;
            flags.add((word & 0x8000_0000) != 0);
            at += 36 + (word & 0x7fff_ffff);
        }
        return flags;
    }

    /** Derby's plan of the last statement the folder check of {@code shas} ran. */
    private String plan(List<String> shas) {
        return db.inTransaction(c -> {
            long folder = FolderTable.find(c, "shared").orElseThrow().id();
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                assertEquals(Set.copyOf(shas), RevisionTable.chunksOfFolder(c, folder, shas));
                try (java.sql.ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                    rs.next();
                    String text = rs.getString(1);
                    s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
                    return text;
                }
            }
        });
    }

    /** Puts the chunk on the hub and notes it; returns its hash. */
    private String store(byte[] data, Map<String, byte[]> into) {
        String sha = Sha256.hex(data);
        hub.putChunk(ANN, "shared", sha, new ByteArrayInputStream(data));
        into.put(sha, data);
        return sha;
    }
}
