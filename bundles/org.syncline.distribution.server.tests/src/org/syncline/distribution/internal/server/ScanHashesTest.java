package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's scans hash only what changed: a file whose size and modification time are those the last scan hashed
 * keeps its hash, one with a new modification time (same size) is hashed again, and so is a racy one, modified
 * within two seconds of the last scan's start, even when its size and time stay the same. Hashes are counted
 * through the scan's hasher; the scans' clock and the files' times are set by the test.
 */
class ScanHashesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    @TempDir
    Path dir;
    private final List<String> hashed = new ArrayList<>();

    private ContentRoot root(Clock clock) {
        return new ContentRoot(dir.resolve("content"), new ScanHashes(dir.resolve("scan-listings")), clock, file -> {
            hashed.add(dir.resolve("content").relativize(file).toString());
            return ContentRoot.sha256(file);
        });
    }

    private Path write(String path, String content, Instant modified) throws IOException {
        Path f = dir.resolve("content").resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    private static Map<String, String> shas(List<ContentRoot.Entry> entries) {
        Map<String, String> out = new TreeMap<>();
        entries.forEach(e -> out.put(e.path(), e.sha256()));
        return out;
    }

    @Test
    void anUntouchedFileIsNotHashedAgainAndOneWithTheSameSizeButANewTimeIs() throws IOException {
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        write("tree/a.txt", "version 1", hourAgo);
        write("tree/b.txt", "untouched", hourAgo);
        ContentRoot root = root(Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, String> first = shas(root.scan("tree"));
        assertEquals(List.of("tree/a.txt", "tree/b.txt"), hashed.stream().sorted().toList());

        hashed.clear();
        assertEquals(first, shas(root.scan("tree")));
        assertEquals(List.of(), hashed, "nothing changed: nothing hashed");

        write("tree/a.txt", "version 2", hourAgo.plusSeconds(60)); // same size, a new time
        hashed.clear();
        Map<String, String> third = shas(root.scan("tree"));
        assertEquals(List.of("tree/a.txt"), hashed);
        assertNotEquals(first.get("a.txt"), third.get("a.txt"));
        assertEquals(ContentRoot.sha256(dir.resolve("content/tree/a.txt")), third.get("a.txt"));
        assertEquals(first.get("b.txt"), third.get("b.txt"));

        // an agent started again (a new root over the same data directory) still knows them
        hashed.clear();
        assertEquals(third, shas(root(Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC)).scan("tree")));
        assertEquals(List.of(), hashed);
    }

    @Test
    void aFileModifiedWithinTwoSecondsOfTheLastScanIsHashedAgainEvenWithTheSameSizeAndTime() throws IOException {
        Instant racy = NOW.minusMillis(500);
        write("tree/racy.txt", "before", racy);
        write("tree/old.txt", "old file", NOW.minus(Duration.ofHours(1)));
        ContentRoot root = root(Clock.fixed(NOW, ZoneOffset.UTC));
        root.scan("tree");
        // written again within the same tick: same size, same time, other bytes
        write("tree/racy.txt", "after!", racy);
        hashed.clear();
        Map<String, String> second = shas(root.scan("tree"));
        assertEquals(List.of("tree/racy.txt"), hashed, "the racy file only");
        assertEquals(ContentRoot.sha256(dir.resolve("content/tree/racy.txt")), second.get("racy.txt"));

        // once a scan started more than two seconds after its time, its hash is trusted
        ContentRoot later = root(Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC));
        later.scan("tree");
        hashed.clear();
        assertEquals(second, shas(later.scan("tree")));
        assertEquals(List.of(), hashed);
    }
}
