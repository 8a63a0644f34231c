package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.ChunkPack;

/**
 * A large file's upload sends the scan's chunks without cutting and hashing the file again: the bytes read where the
 * scan found them, under the scan's names, and a file changed since is caught by the hub's check of each chunk (here
 * a receiver that checks as the hub does), never sent under a name its bytes do not have unnoticed.
 */
class PackUploadTest {
    @Test
    void theMissingChunksGoUnderTheScansNamesWithTheirBytes(@TempDir Path dir) throws Exception {
        Path file = write(dir, 10 * 1024 * 1024, 1); // half its chunks wanted: two packs, one sent while the other fills
        FileContent scan = FileContent.of(file);
        assertTrue(scan.chunks().size() > 10, "enough chunks to leave some out: " + scan.chunks().size());
        Set<String> missing = new HashSet<>();
        for (int i = 0; i < scan.chunks().size(); i += 2) {
            missing.add(scan.chunks().get(i).sha256());
        }
        Set<String> wanted = new HashSet<>(missing);
        List<ChunkPack.Entry> got = new ArrayList<>();
        int[] packs = new int[1];
        PackUpload.Sender hub = hubLike(got);
        PackUpload up = new PackUpload((pack, length) -> {
            packs[0]++;
            hub.send(pack, length);
        }, new Throttle(0), new SyncStats());
        up.addFrom(file, scan.chunks(), missing::remove);
        up.flush();

        assertEquals(2, packs[0]);
        assertEquals(wanted.size(), got.size());
        assertEquals(wanted.size(), up.chunks());
        byte[] all = Files.readAllBytes(file);
        long offset = 0;
        int next = 0;
        long raw = 0;
        for (ChunkRef c : scan.chunks()) {
            if (wanted.contains(c.sha256())) {
                raw += c.length();
                assertEquals(c.sha256(), got.get(next).sha256());
                assertArrayEquals(java.util.Arrays.copyOfRange(all, (int) offset, (int) offset + c.length()), got.get(next++).data());
            }
            offset += c.length();
        }
        assertEquals(raw + wanted.size() * (32 + 4), up.bytes(), "random bytes went stored: the bytes read and a header each");
    }

    @Test
    void aFileChangedOrCutSinceTheScanIsRefusedNotSentUnderItsOldNames(@TempDir Path dir) throws Exception {
        Path file = write(dir, 2 * 1024 * 1024, 2);
        FileContent scan = FileContent.of(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] { 1, 2, 3 }), 1024 * 1024);
        }
        List<ChunkPack.Entry> got = new ArrayList<>();
        PackUpload changed = new PackUpload(hubLike(got), new Throttle(0), new SyncStats());
        SynclineException e = assertThrows(SynclineException.class, () -> {
            changed.addFrom(file, scan.chunks(), s -> true);
            changed.flush();
        });
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertEquals(List.of(), got, "nothing of the pack with the changed chunk was kept");

        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(1024 * 1024);
        }
        PackUpload cut = new PackUpload(hubLike(got), new Throttle(0), new SyncStats());
        assertThrows(EOFException.class, () -> cut.addFrom(file, scan.chunks(), s -> true));
    }

    /** Takes a pack as the hub does: every chunk checked against its name, the pack refused whole when one is not. */
    private static PackUpload.Sender hubLike(List<ChunkPack.Entry> into) {
        return (pack, length) -> {
            List<ChunkPack.Entry> entries = new ArrayList<>();
            try {
                ChunkPack.Reader reader = new ChunkPack.Reader(new ByteArrayInputStream(pack, 0, length));
                for (ChunkPack.Entry en; (en = reader.next()) != null;) {
                    if (!ChunkPack.matches(en)) {
                        throw new SynclineException(ErrorCode.INTEGRITY, "A chunk sent as " + en.sha256() + " has other bytes (SHA-256 "
                                + Sha256.hex(en.data()) + ").");
                    }
                    entries.add(en);
                }
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            into.addAll(entries);
        };
    }

    private static Path write(Path dir, int size, long seed) throws Exception {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Path file = dir.resolve("large.bin");
        Files.write(file, data);
        return file;
    }
}
