package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.core.json.Json;
import org.syncline.protocol.ProtocolConstants;
import org.syncline.sync.FileChange;

class CommitBatchesTest {
    private static final ChunkRef CHUNK = new ChunkRef("ab".repeat(32), 262_144);

    private static FileChange file(String path, int chunks) {
        return FileChange.put(path, 0, (long) chunks * CHUNK.length(), "cd".repeat(32), Collections.nCopies(chunks, CHUNK));
    }

    /** The commit request as it travels: the folder and the changes, in JSON. */
    private static int json(List<FileChange> batch) {
        return Json.write(Json.tree(Json.object("folder", "photos", "changes", batch))).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Test
    void largeFilesAreCommittedInBatchesThatEachFitHalfTheLargestRequest() {
        // 1,000 photos of ~20 MB: one commit of them all would be ~30 MB, twice the default frame
        List<FileChange> photos = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            photos.add(file(String.format("2026/raw/IMG_%04d.CR3", i), 320));
        }
        assertTrue(json(photos) > ProtocolConstants.DEFAULT_MAX_FRAME, "the case this guards: " + json(photos) + " bytes in one");

        List<List<FileChange>> batches = CommitBatches.of(photos, ProtocolConstants.DEFAULT_MAX_FRAME);
        assertTrue(batches.size() >= 4, batches.size() + " batches");
        List<FileChange> all = new ArrayList<>();
        for (List<FileChange> b : batches) {
            assertFalse(b.isEmpty());
            assertTrue(json(b) <= ProtocolConstants.DEFAULT_MAX_FRAME / 2, json(b) + " bytes of JSON");
            all.addAll(b);
        }
        assertEquals(photos, all, "every change once, in order");
    }

    @Test
    void smallFilesGoAThousandToACommit() {
        List<FileChange> notes = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            notes.add(file("notes/" + i + ".txt", 1));
        }
        assertEquals(List.of(1000, 1000, 500), CommitBatches.of(notes, ProtocolConstants.DEFAULT_MAX_FRAME).stream().map(List::size).toList());
        assertEquals(List.of(), CommitBatches.of(List.of(), ProtocolConstants.DEFAULT_MAX_FRAME));
    }

    @Test
    void aHubWithASmallerFrameGetsSmallerCommits() {
        List<FileChange> files = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            files.add(file("f" + i, 16));
        }
        int frame = 128 * 1024;
        for (List<FileChange> b : CommitBatches.of(files, frame)) {
            assertTrue(json(b) <= frame / 2, json(b) + " bytes");
        }
    }

    @Test
    void aFileWhoseChunkListAloneIsOverTheFrameDoesNotFitAndTheEstimateIsNeverLow() {
        int frame = ProtocolConstants.DEFAULT_MAX_FRAME;
        // the estimate's 100 bytes a chunk, less its margin: ~167,700 chunks, about 10 GiB of chunks of the average size
        int chunksThatFit = (frame - 4096 - 400) / 100;
        FileChange fits = file("vm/disk.img", chunksThatFit - 10); // the estimate leaves room for a short path
        assertTrue(CommitBatches.fits(fits, frame));
        assertTrue(json(List.of(fits)) < frame, "what fits by the estimate fits the frame: " + json(List.of(fits)));
        assertFalse(CommitBatches.fits(file("vm/disk.img", chunksThatFit + 1000), frame));
        String longPath = ("d".repeat(199) + "/").repeat(19) + "x";
        FileChange renamed = FileChange.rename(longPath, 3, longPath + "y", 10, "cd".repeat(32), List.of(CHUNK));
        assertTrue(CommitBatches.bytes(renamed) >= json(List.of(renamed)) - json(List.of()), "estimate " + CommitBatches.bytes(renamed));
    }
}
