package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.sync.ChunkPack;

class PackFilesTest {
    @TempDir
    Path dir;

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** An upload as an agent sends it. */
    static ChunkPack.Reader upload(byte[]... chunks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            ChunkPack.write(out, Sha256.hex(c), c, c.length);
        }
        return new ChunkPack.Reader(new ByteArrayInputStream(out.toByteArray()));
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void eachChunkIsReadBackFromItsSlotAndAChunkSentTwiceIsStoredOnce() throws Exception {
        PackFiles packs = new PackFiles(dir);
        byte[] a = random(4096, 1), b = random(100, 2), c = random(70_000, 3);
        List<PackFiles.Slot> slots = packs.write(upload(a, b, a, c));
        assertEquals(3, slots.size());
        assertEquals(1, files(dir).size(), "one pack file for the whole upload");
        assertEquals(a.length + b.length + c.length, Files.size(dir.resolve(slots.get(0).pack())));
        byte[][] expected = { a, b, c };
        for (int i = 0; i < 3; i++) {
            assertEquals(Sha256.hex(expected[i]), slots.get(i).sha256());
            try (InputStream in = packs.open(slots.get(i))) {
                assertArrayEquals(expected[i], in.readAllBytes());
            }
        }
    }

    @Test
    void aChunkWhoseBytesDoNotMatchItsNameLeavesNoFileBehind() throws Exception {
        PackFiles packs = new PackFiles(dir);
        byte[] good = random(4096, 4), bad = random(4096, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(good), good, good.length);
        ChunkPack.write(out, Sha256.hex(good), bad, bad.length); // named as the first, other bytes
        SynclineException e = assertThrows(SynclineException.class,
                () -> packs.write(new ChunkPack.Reader(new ByteArrayInputStream(out.toByteArray()))));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertEquals(List.of(), files(dir), "neither a pack nor its temp file");
    }

    @Test
    void anUploadCutOffInTheMiddleLeavesNoFileBehind() throws Exception {
        PackFiles packs = new PackFiles(dir);
        byte[] a = random(4096, 6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(a), a, a.length);
        ChunkPack.write(out, Sha256.hex(a), a, a.length);
        byte[] cut = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 10);
        assertThrows(SynclineException.class, () -> packs.write(new ChunkPack.Reader(new ByteArrayInputStream(cut))));
        assertEquals(List.of(), files(dir));
    }

    @Test
    void recoveryRemovesATornTempFileAndPacksNoRowNamesAndKeepsTheRest() throws Exception {
        PackFiles packs = new PackFiles(dir);
        byte[] a = random(4096, 7), b = random(4096, 8);
        PackFiles.Slot kept = packs.write(upload(a)).get(0);
        PackFiles.Slot orphan = packs.write(upload(b)).get(0);
        // what a kill -9 in the middle of a pack write leaves: its temp file, cut short
        Path torn = dir.resolve("." + "0123456789abcdef0123456789abcdef.pack" + "4711" + ".part");
        Files.write(torn, java.util.Arrays.copyOf(b, 1000));
        Path unrelated = dir.resolve("notes.txt");
        Files.writeString(unrelated, "not a pack");

        assertEquals(2, packs.recover(Set.of(kept.pack())));
        assertEquals(List.of(kept.pack(), "notes.txt"), files(dir));
        try (InputStream in = packs.open(kept)) {
            assertArrayEquals(a, in.readAllBytes());
        }
        SynclineException gone = assertThrows(SynclineException.class, () -> packs.open(orphan));
        assertEquals(ErrorCode.INTEGRITY, gone.code());
    }

    @Test
    void bytesChangedOnDiskAreRefusedNotServed() throws Exception {
        PackFiles packs = new PackFiles(dir);
        byte[] a = random(4096, 9), b = random(4096, 10);
        List<PackFiles.Slot> slots = packs.write(upload(a, b));
        Path file = dir.resolve(slots.get(1).pack());
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] { (byte) ~b[0] }), slots.get(1).offset());
        }
        try (InputStream in = packs.open(slots.get(0))) {
            assertArrayEquals(a, in.readAllBytes());
        }
        SynclineException e = assertThrows(SynclineException.class, () -> packs.open(slots.get(1)));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertTrue(e.getMessage().contains("do not hash"), e.getMessage());
        // a slot past the end of the pack (a pack cut short under a row) is refused too
        PackFiles.Slot past = new PackFiles.Slot(slots.get(1).sha256(), slots.get(1).pack(), Files.size(file) - 10, 4096);
        assertEquals(ErrorCode.INTEGRITY, assertThrows(SynclineException.class, () -> packs.open(past)).code());
    }
}
