package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic rescan of a real-time source: what the WatchService missed is found, what it reported is not found again. */
class SourceWatcherRescanTest {
    @TempDir
    Path root;

    @Test
    void changesTheWatchMissedAreFoundOnceByTheRescan() throws Exception {
        Files.createDirectories(root.resolve("live/sub"));
        Files.writeString(root.resolve("live/a.txt"), "a");
        Files.writeString(root.resolve("live/sub/b.txt"), "b");
        Files.writeString(root.resolve("live/gone.txt"), "x");
        SourceWatcher w = new SourceWatcher(new ContentRoot(root), changed -> { }, Duration.ofHours(1));
        w.watch(Set.of("live"));
        w.close(); // from now on the WatchService sees nothing: every change below is one it missed
        Files.writeString(root.resolve("live/new.txt"), "new");
        Files.writeString(root.resolve("live/sub/b.txt"), "bigger");
        Files.setLastModifiedTime(root.resolve("live/a.txt"), FileTime.fromMillis(Files.getLastModifiedTime(root.resolve("live/a.txt"))
                .toMillis() + 5000));
        Files.delete(root.resolve("live/gone.txt"));
        Files.writeString(root.resolve("live/.c.txt.part"), "a run's temp file");
        assertEquals(new TreeSet<>(Set.of("live/a.txt", "live/gone.txt", "live/new.txt", "live/sub/b.txt")), w.missed());
        assertEquals(Set.of(), w.missed(), "each change is found once");
    }

    @Test
    void aChangeTheWatchReportedIsNotReportedAgainByTheRescan() throws Exception {
        Files.createDirectories(root.resolve("live"));
        CopyOnWriteArrayList<Set<String>> reports = new CopyOnWriteArrayList<>();
        try (SourceWatcher w = new SourceWatcher(new ContentRoot(root), reports::add, Duration.ofHours(1))) {
            w.watch(Set.of("live"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (reports.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20); // the first watch reports the path once
            }
            reports.clear();
            Files.writeString(root.resolve("live/seen.txt"), "reported by the watch");
            while (reports.stream().noneMatch(r -> r.contains("live/seen.txt")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(reports.stream().anyMatch(r -> r.contains("live/seen.txt")), reports.toString());
            assertEquals(Set.of(), w.missed());
        }
    }
}
