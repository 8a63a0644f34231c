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
        index.put(new LocalIndex.Entry("other", 5, 5, "cc".repeat(32), 1, List.of(new ChunkRef("44".repeat(32), 5))));
        Map<String, LocalFile> disk = Map.of("same", new LocalFile("same", 30, 5), "edited", new LocalFile("edited", 8, 6),
                "other", new LocalFile("other", 5, 5));
        List<String> statted = new java.util.ArrayList<>();
        Map<String, LocalIndex.ChunkSource> sources = index.chunkSources(java.util.Set.of(c1, c2, "33".repeat(32), "55".repeat(32)), p -> {
            statted.add(p);
            return disk.get(p);
        });
        assertEquals(new LocalIndex.ChunkSource("same", 10, 20), sources.get(c2));
        assertEquals(new LocalIndex.ChunkSource("same", 0, 10), sources.get(c1));
        assertNull(sources.get("33".repeat(32)), "a file edited since the sync is no source");
        assertEquals(2, sources.size());
        assertEquals(java.util.Set.of("same", "edited"), java.util.Set.copyOf(statted), "only files holding a wanted chunk are looked at");
        assertEquals(2, statted.size(), "each once");
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

    private static LocalIndex.Entry entry(String path, long revision) {
        String sha = Integer.toHexString(path.hashCode() ^ (int) revision).repeat(8).substring(0, 8).repeat(8);
        return new LocalIndex.Entry(path, 4096, 1000 + revision, sha, revision, List.of(new ChunkRef(sha, 4096)));
    }

    /** An index that appends to its log from its first snapshot on: {@code files} entries PREFIX0.. and the cursor, saved as that snapshot. */
    private LocalIndex logging(String prefix, int files, long cursor) {
        LocalIndex index = LocalIndex.load(dir, 1);
        for (int i = 0; i < files; i++) {
            index.put(entry(prefix + i, 1));
        }
        index.cursor(cursor);
        index.save();
        return index;
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /** A large index's save appends only what changed; the snapshot stays as it was and a restart reads both. */
    @Test
    void aLargeIndexAppendsItsChangesAndARestartReadsThemBack() throws IOException {
        LocalIndex index = logging("d/f", 100, 10);
        Path snapshot = dir.resolve(".syncline/index.json");
        Path log = dir.resolve(".syncline/index.log");
        Object written = fileKey(snapshot);
        long snapshotSize = Files.size(snapshot);
        assertTrue(Files.notExists(log), "the first save is a snapshot");

        index.put(entry("d/f7", 2));
        index.remove("d/f8");
        index.put(entry("new", 1));
        index.cursor(11);
        index.save();
        assertEquals(written, fileKey(snapshot), "the snapshot is not written again for three changes");
        assertTrue(Files.size(log) < snapshotSize / 10, "the log holds only the changes: " + Files.size(log) + " bytes");
        index.cursor(12);
        index.saveEntries();
        index.save();

        LocalIndex again = LocalIndex.load(dir, 1);
        assertEquals(12, again.cursor());
        assertEquals(100, again.entries().size(), "100 put, one removed, one new");
        assertEquals(entry("d/f7", 2), again.get("d/f7"));
        assertNull(again.get("d/f8"));
        assertEquals(entry("new", 1), again.get("new"));
        assertEquals(entry("d/f9", 1), again.get("d/f9"));
    }

    /** Once the log is as large as the snapshot, a new snapshot of the next generation holds all and the log goes. */
    @Test
    void theLogIsFoldedIntoANewSnapshotWhenItOutgrowsIt() throws IOException {
        LocalIndex index = logging("f", 20, 0);
        Path snapshot = dir.resolve(".syncline/index.json");
        Path log = dir.resolve(".syncline/index.log");
        Object first = fileKey(snapshot);
        int saves = 0;
        while (first.equals(fileKey(snapshot))) {
            index.put(entry("f" + (saves % 20), 2 + saves));
            index.save();
            saves++;
            assertTrue(saves < 40, "no new snapshot after " + saves + " saves");
        }
        assertTrue(saves > 5, "the log took several saves before the snapshot was written again: " + saves);
        assertTrue(Files.notExists(log), "the new snapshot replaces the log");
        assertTrue(Files.readString(snapshot).startsWith("{\"generation\":2,"), Files.readString(snapshot).substring(0, 40));
        index.put(entry("after", 1));
        index.save();
        LocalIndex again = LocalIndex.load(dir, 1);
        assertEquals(21, again.entries().size());
        assertEquals(entry("f" + ((saves - 1) % 20), 1 + saves), again.get("f" + ((saves - 1) % 20)));
        assertEquals(entry("after", 1), again.get("after"));
    }

    /** A crash mid-append leaves the save before it; the next save goes after the cut. */
    @Test
    void aTornSaveIsDroppedWholeAndTheNextSaveFollowsTheLastWholeOne() throws IOException {
        LocalIndex index = logging("f", 50, 5);
        index.put(entry("f1", 2));
        index.cursor(6);
        index.save();
        Path log = dir.resolve(".syncline/index.log");
        long whole = Files.size(log);
        index.put(entry("f2", 2));
        index.put(entry("f3", 2));
        index.cursor(7);
        index.save();
        // the second save cut inside its last record: its two puts are whole lines, its cursor and closing line are not
        byte[] bytes = Files.readAllBytes(log);
        int cut = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf("{\"cursor\":7}") + 4;
        Files.write(log, java.util.Arrays.copyOf(bytes, cut));

        LocalIndex again = LocalIndex.load(dir, 1);
        assertEquals(6, again.cursor());
        assertEquals(entry("f1", 2), again.get("f1"));
        assertEquals(entry("f2", 1), again.get("f2"), "a put of the torn save does not count");
        assertEquals(entry("f3", 1), again.get("f3"));

        again.put(entry("f4", 3));
        again.save();
        assertTrue(Files.size(log) < cut + 200 && Files.size(log) > whole, "appended after the last whole save, the torn bytes cut off");
        LocalIndex third = LocalIndex.load(dir, 1);
        assertEquals(entry("f4", 3), third.get("f4"));
        assertEquals(entry("f2", 1), third.get("f2"));
    }

    /** A record whose checksum fails ends the log there: nothing after it is believed. */
    @Test
    void aDamagedRecordEndsTheLog() throws IOException {
        LocalIndex index = logging("f", 50, 0);
        index.put(entry("f1", 2));
        index.save();
        index.put(entry("f2", 2));
        index.save();
        Path log = dir.resolve(".syncline/index.log");
        String text = Files.readString(log);
        int at = text.indexOf("\"f1\"");
        Files.writeString(log, text.substring(0, at) + "\"g1\"" + text.substring(at + 4));

        LocalIndex again = LocalIndex.load(dir, 1);
        assertEquals(entry("f1", 1), again.get("f1"));
        assertEquals(entry("f2", 1), again.get("f2"), "the save after the damaged record is not believed either");
        assertNull(again.get("g1"));
    }

    /** A log left beside a newer snapshot (a crash between the two) continues an older generation: it is ignored. */
    @Test
    void aLogOfAnOlderSnapshotIsIgnored() throws IOException {
        LocalIndex index = logging("f", 50, 0);
        index.put(entry("f1", 2));
        index.save();
        Path log = dir.resolve(".syncline/index.log");
        byte[] old = Files.readAllBytes(log);
        LocalIndex.load(dir, Long.MAX_VALUE).save(); // nothing changed: nothing written
        assertTrue(Files.exists(log));
        LocalIndex bigger = LocalIndex.load(dir, Long.MAX_VALUE);
        bigger.put(entry("f1", 3));
        bigger.save(); // a snapshot of the next generation
        Files.write(log, old);

        LocalIndex again = LocalIndex.load(dir, 1);
        assertEquals(entry("f1", 3), again.get("f1"), "the old log's put of revision 2 is not applied over the newer snapshot");
    }
}
