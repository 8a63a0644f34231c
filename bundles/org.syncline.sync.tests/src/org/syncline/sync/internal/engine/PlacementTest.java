package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of downloads goes in place in the order that keeps every file whole across a crash: all temps forced
 * before the first rename, each directory forced once after its renames (before the index records them); a force
 * that fails renames nothing and leaves no temp.
 */
class PlacementTest {
    @TempDir
    Path dir;

    /** The real disk, with every operation written down in order. */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private volatile Path failOn;
    private final Placement.Disk counting = new Placement.Disk() {
        @Override
        public void force(Path file) throws IOException {
            if (file.equals(failOn)) {
                throw new IOException("disk full");
            }
            Placement.DISK.force(file);
            log.add("force " + dir.relativize(file));
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            Placement.DISK.move(from, to);
            log.add("move " + dir.relativize(to));
        }

        @Override
        public void forceDirectory(Path d) throws IOException {
            Placement.DISK.forceDirectory(d);
            log.add("dir " + dir.relativize(d));
        }
    };

    private record Item(Path temp, Path target) {
    }

    @Test
    void everyTempIsForcedBeforeAnyRenameAndEachDirectoryOnceAfterItsRenames() throws Exception {
        List<Item> batch = List.of(item("a/one.txt", "1"), item("a/two.txt", "2"), item("b/three.txt", "3"), item("a/four.txt", "4"));
        int placed;
        try (ExecutorService on = Executors.newFixedThreadPool(3)) {
            placed = Placement.place(counting, batch, Item::temp, (s, p) -> {
                p.move(s.temp(), s.target());
                return 1;
            }, on);
        }
        assertEquals(4, placed);
        assertEquals(4, count("force "), log.toString());
        assertEquals(4, count("move "), log.toString());
        assertEquals(List.of("dir a", "dir b"), log.stream().filter(l -> l.startsWith("dir ")).sorted().toList(), "one force per directory");
        int lastForce = lastIndexOf("force ");
        int firstMove = log.indexOf(log.stream().filter(l -> l.startsWith("move ")).findFirst().orElseThrow());
        int lastMove = lastIndexOf("move ");
        assertTrue(lastForce < firstMove, "no rename before every temp is on disk: " + log);
        assertTrue(log.stream().skip(lastMove + 1).allMatch(l -> l.startsWith("dir ")) && lastMove == log.size() - 3,
                "the directories after the renames: " + log);
        assertEquals("3", Files.readString(dir.resolve("b/three.txt")));
        assertEquals(List.of("four.txt", "one.txt", "two.txt"), names(dir.resolve("a")), "no temp left");
    }

    @Test
    void aForceThatFailsRenamesNothingAndLeavesNoTemp() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/one.txt"), "old");
        List<Item> batch = List.of(item("a/one.txt", "new"), item("a/two.txt", "2"));
        failOn = batch.get(1).temp();
        try (ExecutorService on = Executors.newFixedThreadPool(2)) {
            assertThrows(IOException.class, () -> Placement.place(counting, batch, Item::temp, (s, p) -> {
                p.move(s.temp(), s.target());
                return 1;
            }, on));
        }
        assertEquals(0, count("move "), log.toString());
        assertEquals("old", Files.readString(dir.resolve("a/one.txt")), "the old file, whole");
        assertEquals(List.of("one.txt"), names(dir.resolve("a")), "no temp, no new file");
    }

    @Test
    void inTheCallersThreadTheOrderIsTheSame() throws Exception {
        List<Item> batch = List.of(item("c/x.txt", "x"));
        assertEquals(1, Placement.place(counting, batch, Item::temp, (s, p) -> {
            p.move(s.temp(), s.target());
            return 1;
        }, null));
        assertEquals(List.of("force c/" + batch.get(0).temp().getFileName(), "move c/x.txt", "dir c"), log);
        assertFalse(Files.exists(batch.get(0).temp()));
    }

    private Item item(String path, String content) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), LeftoverParts.PREFIX, ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        return new Item(temp, target);
    }

    private long count(String prefix) {
        return log.stream().filter(l -> l.startsWith(prefix)).count();
    }

    private int lastIndexOf(String prefix) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
