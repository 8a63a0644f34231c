package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Signature;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.SyncMessages;

/**
 * The pieces of large-file deltas that live in the agent and the API: the hub's size limit on a delta never
 * refuses an honest one, a killed agent's scratch files go at the next start, and a large file's chunk list is
 * recognised as left out.
 */
class DeltaUploadTest {
    @Test
    void anHonestDeltaFitsTheLimitEvenWhenNothingMatchesOrEveryOtherBlockChanged() throws Exception {
        Random random = new Random(3);
        byte[] basis = new byte[2 * 1024 * 1024];
        random.nextBytes(basis);
        Signature sig = Signature.of(new ByteArrayInputStream(basis), basis.length, 4);

        byte[] unrelated = new byte[3 * 1024 * 1024];
        random.nextBytes(unrelated);
        long all = delta(sig, unrelated);
        assertTrue(all > unrelated.length, "every byte goes as a literal");
        assertTrue(all <= SyncMessages.deltaLimit(unrelated.length, basis.length), all + " bytes");

        byte[] patchwork = basis.clone();
        int bs = sig.blockSize();
        for (int at = 0; at < patchwork.length; at += 2 * bs) {
            patchwork[at] ^= 0x55; // every other block differs by a byte: the most instructions per byte
        }
        long mixed = delta(sig, patchwork);
        assertTrue(mixed <= SyncMessages.deltaLimit(patchwork.length, basis.length), mixed + " bytes");
        assertTrue(mixed < patchwork.length, "half the blocks are copied: " + mixed);
    }

    @Test
    void aKilledAgentsDeltaScratchFilesGoAtTheNextStartAndTheIndexStays(@TempDir Path root) throws Exception {
        Path state = Files.createDirectories(root.resolve(LocalIndex.STATE_DIR));
        Files.writeString(state.resolve("delta-123.tmp"), "half a delta");
        Files.writeString(state.resolve("index.json"), "{}");
        Files.writeString(root.resolve("delta-mine.tmp"), "a user's file");
        DeltaUpload.clearScratch(root);
        assertFalse(Files.exists(state.resolve("delta-123.tmp")));
        assertTrue(Files.exists(state.resolve("index.json")));
        assertTrue(Files.exists(root.resolve("delta-mine.tmp")), "only the state directory is cleared");
        DeltaUpload.clearScratch(root.resolve("never-synced"));
    }

    @Test
    void aLargeFilesChunkListIsLeftOutButAnEmptyOrDeletedFileHasNone() {
        ChunkRef one = new ChunkRef("ab".repeat(32), 5);
        Instant t = Instant.EPOCH;
        assertTrue(new RemoteFile("big.bin", 2, false, SyncMessages.DELTA_MIN_SIZE, "cd".repeat(32), List.of(), "ann", t, 9).chunksLeftOut());
        assertFalse(new RemoteFile("empty.txt", 1, false, 0, "cd".repeat(32), List.of(), "ann", t, 9).chunksLeftOut());
        assertFalse(new RemoteFile("gone.txt", 3, true, 0, "", List.of(), "ann", t, 9).chunksLeftOut());
        RemoteFile small = new RemoteFile("a.txt", 1, false, 5, "cd".repeat(32), List.of(one), "ann", t, 9);
        assertFalse(small.chunksLeftOut());
        assertEquals(List.of(one), new RemoteFile("big.bin", 2, false, 5, "x", List.of(), "ann", t, 9).withChunks(List.of(one)).chunks());
    }

    private static long delta(Signature sig, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Delta.write(sig, new ByteArrayInputStream(content), out).wireBytes();
    }
}
