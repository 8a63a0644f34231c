package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.chunk.ChunkReader;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.ChunkPack;

/** A large file's chunks are fetched a pack at a time: each window is what one pack may hold, and the windows cover the file. */
class FileDownloadWindowTest {
    private static List<ChunkRef> chunks(int n, int length) {
        return new ArrayList<>(Collections.nCopies(n, new ChunkRef("ab".repeat(32), length)));
    }

    @Test
    void windowsHoldAtMostAPacksBytesAndChunksAndAtLeastOneChunk() {
        // 64 KiB chunks: 64 of them make the pack's 4 MiB
        List<ChunkRef> big = chunks(200, 64 * 1024);
        assertEquals(64, FileDownload.window(big, 0));
        assertEquals(200, FileDownload.window(big, 192));
        // tiny chunks: the pack's count decides
        List<ChunkRef> tiny = chunks(2500, 10);
        assertEquals(ChunkPack.MAX_CHUNKS, FileDownload.window(tiny, 0));
        assertEquals(2500, FileDownload.window(tiny, 2000));
        // a chunk as large as a chunk may be is a window of its own when the pack has no room left
        List<ChunkRef> mixed = chunks(1, ChunkPack.MAX_BYTES - 10);
        mixed.add(new ChunkRef("cd".repeat(32), ChunkReader.MAX_SIZE));
        assertEquals(1, FileDownload.window(mixed, 0));
        assertEquals(2, FileDownload.window(mixed, 1));
        // the windows cover every chunk once, in order
        int covered = 0;
        for (int from = 0; from < big.size(); from = FileDownload.window(big, from)) {
            covered += FileDownload.window(big, from) - from;
        }
        assertEquals(big.size(), covered);
    }
}
