package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.chunk.ChunkRef;

class LocalIndexTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsWhatARestartLoads() {
        LocalIndex index = LocalIndex.load(dir);
        index.put(new LocalIndex.Entry("a/b.txt", 10, 123456789L, "ab".repeat(32), 3, List.of(new ChunkRef("cd".repeat(32), 10))));
        index.cursor(42);
        index.save();
        LocalIndex again = LocalIndex.load(dir);
        assertEquals(42, again.cursor());
        assertEquals(index.get("a/b.txt"), again.get("a/b.txt"));
        assertTrue(Files.isRegularFile(dir.resolve(".syncline/index.json")));
    }

    @Test
    void aDamagedIndexStartsEmptyInsteadOfFailing() throws IOException {
        Files.createDirectories(dir.resolve(".syncline"));
        Files.writeString(dir.resolve(".syncline/index.json"), "{not json");
        LocalIndex index = LocalIndex.load(dir);
        assertEquals(0, index.cursor());
        assertTrue(index.entries().isEmpty());
    }

    @Test
    void chunksAreCopiedOnlyFromFilesThatStillMatchTheIndex() {
        LocalIndex index = LocalIndex.load(dir);
        String c1 = "11".repeat(32);
        String c2 = "22".repeat(32);
        index.put(new LocalIndex.Entry("same", 30, 5, "aa".repeat(32), 1, List.of(new ChunkRef(c1, 10), new ChunkRef(c2, 20))));
        index.put(new LocalIndex.Entry("edited", 7, 5, "bb".repeat(32), 1, List.of(new ChunkRef("33".repeat(32), 7))));
        Map<String, LocalIndex.ChunkSource> sources = index.chunkSources(Map.of("same", new LocalFile("same", 30, 5),
                "edited", new LocalFile("edited", 8, 6)));
        assertEquals(new LocalIndex.ChunkSource("same", 10, 20), sources.get(c2));
        assertEquals(new LocalIndex.ChunkSource("same", 0, 10), sources.get(c1));
        assertNull(sources.get("33".repeat(32)), "a file edited since the sync is no source");
    }
}
