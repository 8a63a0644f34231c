package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    /** A pass that changed nothing (every reconcile page, every idle rescan) does not write the whole index again. */
    @Test
    void aSaveWithNothingChangedLeavesTheFileAsItIs() throws IOException {
        LocalIndex index = LocalIndex.load(dir);
        LocalIndex.Entry e = new LocalIndex.Entry("a.txt", 10, 5, "ab".repeat(32), 1, List.of(new ChunkRef("ab".repeat(32), 10)));
        index.put(e);
        index.cursor(7);
        index.save();
        Path file = dir.resolve(".syncline/index.json");
        Object written = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        index.put(e);
        index.cursor(7);
        index.save();
        LocalIndex.load(dir).save();
        assertEquals(written, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "rewritten with nothing changed");

        index.cursor(8);
        index.saveEntries();
        assertEquals(7, LocalIndex.load(dir).cursor(), "a page that only moved the cursor leaves it to the end of the pull");
        index.save();
        assertNotEquals(written, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "a new cursor is saved");
        assertEquals(8, LocalIndex.load(dir).cursor());
    }

    @Test
    void aOneChunkFileHoldsItsHashOnce() {
        String sha = "ab".repeat(32);
        LocalIndex.Entry e = new LocalIndex.Entry("a.txt", 10, 5, sha, 1, List.of(new ChunkRef(new String(sha.toCharArray()), 10)));
        assertSame(e.sha256(), e.chunks().get(0).sha256());
        assertEquals(List.of(new ChunkRef(sha, 10)), e.chunks());
    }
}
