package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalScanTest {
    @TempDir
    Path dir;

    @Test
    void ignoredFilesStateAndSymlinksStayOutAndSymlinksAndOddNamesAreReported() throws IOException {
        Files.createDirectories(dir.resolve("sub/build"));
        Files.writeString(dir.resolve("sub/a.txt"), "a");
        Files.writeString(dir.resolve("sub/build/out.o"), "o");
        Files.writeString(dir.resolve("notes.txt~"), "backup");
        Files.writeString(dir.resolve(IgnoreRulesFile.NAME), "build/\n");
        Files.createDirectories(dir.resolve(".syncline"));
        Files.writeString(dir.resolve(".syncline/index.json"), "{}");
        Files.writeString(dir.resolve("Readme.md"), "1");
        Files.writeString(dir.resolve("README.md"), "2");
        Files.writeString(dir.resolve("con.txt"), "reserved");
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("sub"));

        LocalScan.Result r = LocalScan.scan(dir, LocalScan.rules(dir));
        assertEquals(List.of("README.md", "Readme.md", "con.txt", "sub/a.txt"), List.copyOf(r.files().keySet()));
        assertEquals(List.of("link"), r.symlinks());
        assertTrue(r.nameProblems().stream().anyMatch(p -> p.contains("con.txt") && p.contains("reserved")), r.nameProblems().toString());
        assertTrue(r.nameProblems().stream().anyMatch(p -> p.contains("differ only in case")), r.nameProblems().toString());
    }

    @Test
    void directoriesWithNothingSyncedInThemAreEmptyDirectoryEntriesAndTheirParentsAreNot() throws IOException {
        Files.createDirectories(dir.resolve("drafts/old"));
        Files.createDirectories(dir.resolve("photos"));
        Files.writeString(dir.resolve("photos/a.jpg"), "a");
        Files.createDirectories(dir.resolve("scratch"));
        Files.writeString(dir.resolve("scratch/work.tmp"), "ignored by default");
        Files.createDirectories(dir.resolve("build/classes"));
        Files.writeString(dir.resolve(IgnoreRulesFile.NAME), "build/\n");
        Files.createDirectories(dir.resolve(".syncline"));

        LocalScan.Result r = LocalScan.scan(dir, LocalScan.rules(dir));
        assertEquals(List.of("drafts/old/", "scratch/"), List.copyOf(r.emptyDirs()), "drafts holds old, photos a file, build is ignored");
    }

    /**
     * A scan of the paths that changed finds what a walk of the whole folder finds there, and nothing elsewhere: a
     * changed file as it is, a new directory with everything in it, a path no longer there as nothing (covered, so the
     * index's entries there and below are gone), a directory left with nothing synced as an empty-directory entry.
     */
    @Test
    void aScanOfTheChangedPathsFindsWhatTheWholeWalkFindsThere() throws IOException {
        Files.createDirectories(dir.resolve("docs/old"));
        Files.createDirectories(dir.resolve("photos/2025"));
        Files.createDirectories(dir.resolve("keep"));
        Files.writeString(dir.resolve("docs/a.txt"), "changed");
        Files.writeString(dir.resolve("docs/b.txt"), "unchanged");
        Files.writeString(dir.resolve("photos/2025/x.jpg"), "x");
        Files.writeString(dir.resolve("photos/2025/y.jpg~"), "ignored");
        Files.writeString(dir.resolve("keep/only.tmp"), "ignored, so keep holds nothing synced");
        Files.writeString(dir.resolve("Docs.txt"), "1");
        Files.writeString(dir.resolve("DOCS.TXT"), "2");
        Files.createSymbolicLink(dir.resolve("docs/link"), dir.resolve("photos"));
        LocalScan.Result whole = LocalScan.scan(dir, LocalScan.rules(dir));

        // keep/gone.txt was deleted (keep is left with an ignored file); docs/old/ and photos/2025/x.jpg are listed
        // with their parents too, the one below the other
        LocalScan.Result r = LocalScan.scan(dir, LocalScan.rules(dir),
                java.util.Set.of("docs/a.txt", "photos", "photos/2025/x.jpg", "keep/gone.txt", "docs/link", "Docs.txt", "gone-dir"));
        assertEquals(List.of("Docs.txt", "docs/a.txt", "photos/2025/x.jpg"), List.copyOf(r.files().keySet()));
        assertEquals(whole.files().get("docs/a.txt"), r.files().get("docs/a.txt"));
        assertEquals(List.of("docs/link"), r.symlinks());
        assertEquals(List.of("keep/"), List.copyOf(r.emptyDirs()), "keep has nothing synced left; docs and photos do");
        assertTrue(r.nameProblems().stream().anyMatch(p -> p.contains("DOCS.TXT and Docs.txt differ only in case")
                || p.contains("Docs.txt and DOCS.TXT differ only in case")), "the changed name against its unchanged neighbour: " + r.nameProblems());

        assertTrue(r.covers("docs/a.txt") && r.covers("photos/2025/x.jpg") && r.covers("photos/2025/z.jpg") && r.covers("keep/gone.txt"));
        assertTrue(r.covers("gone-dir/deep/file.txt"), "below a path that is not there: gone");
        assertTrue(!r.covers("docs/b.txt") && !r.covers("keep/other.txt") && !r.covers("photo") && !r.covers("photos2/a"),
                "only the changed paths and what is below them");
        assertTrue(whole.covers("anything/at/all"));
    }

    /** The name of the rules file, as users write it. */
    private static final class IgnoreRulesFile {
        static final String NAME = ".synclineignore";
    }
}
