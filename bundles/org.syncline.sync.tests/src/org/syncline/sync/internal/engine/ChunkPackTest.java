package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.sync.ChunkPack;

/** Many chunks in one stream, and how small files are cut into runs that each fit one pack. */
class ChunkPackTest {
    @Test
    void chunksComeOutOfAPackInOrderWithTheirBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] data = ("chunk number " + i + " ").repeat(i + 1).getBytes(StandardCharsets.UTF_8);
            shas.add(Sha256.hex(data));
            ChunkPack.write(out, Sha256.hex(data), data, data.length);
        }
        Map<String, String> got = new LinkedHashMap<>();
        try (ChunkPack.Unpacking in = new ChunkPack.Unpacking(shas, (sha, data) -> got.put(sha, new String(data, StandardCharsets.UTF_8)))) {
            in.write(out.toByteArray());
        }
        assertEquals(shas, List.copyOf(got.keySet()));
        assertEquals("chunk number 2 ".repeat(3), got.get(shas.get(2)));
    }

    @Test
    void aChunkWhoseBytesDoNotMatchItsNameOrAMissingChunkIsAnIntegrityError() throws Exception {
        byte[] data = "the truth".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex("a lie".getBytes(StandardCharsets.UTF_8)), data, data.length);
        ChunkPack.Unpacking lying = new ChunkPack.Unpacking(List.of(Sha256.hex("a lie".getBytes(StandardCharsets.UTF_8))), (s, d) -> {
        });
        lying.write(out.toByteArray());
        assertEquals(ErrorCode.INTEGRITY, assertThrows(SynclineException.class, lying::close).code());

        ChunkPack.Unpacking short1 = new ChunkPack.Unpacking(List.of(Sha256.hex(data), Sha256.hex(data)), (s, d) -> {
        });
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ChunkPack.write(one, Sha256.hex(data), data, data.length);
        short1.write(one.toByteArray());
        assertEquals(ErrorCode.INTEGRITY, assertThrows(SynclineException.class, short1::close).code());
    }

    @Test
    void aTruncatedOrOversizedEntryIsABadRequest() throws Exception {
        byte[] data = new byte[1000];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(data), data, data.length);
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 3);
        assertThrows(java.io.EOFException.class, () -> new ChunkPack.Reader(new ByteArrayInputStream(cut)).next());

        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        byte[] big = new byte[ChunkPack.MAX_BYTES];
        ChunkPack.write(huge, Sha256.hex(big), big, big.length); // deflates to a few KiB, inflates past a chunk's size
        SynclineException e = assertThrows(SynclineException.class, () -> new ChunkPack.Reader(new ByteArrayInputStream(huge.toByteArray())).next());
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void smallFilesAreCutIntoRunsThatFitOnePack() {
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            sizes.add(4096L);
        }
        sizes.add((long) ChunkPack.MAX_BYTES); // alone in its run
        List<List<Long>> runs = SyncPass.batches(sizes, s -> s, s -> 1);
        assertEquals(List.of(1000, 1000, 500, 1), runs.stream().map(List::size).toList(), "at most " + ChunkPack.MAX_CHUNKS + " chunks a run");
        for (List<Long> run : runs) {
            assertEquals(true, run.stream().mapToLong(Long::longValue).sum() <= ChunkPack.MAX_BYTES);
        }
        assertEquals(List.of(), SyncPass.batches(List.<Long>of(), s -> s, s -> 1));
    }
}
