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

    /** The name of the rules file, as users write it. */
    private static final class IgnoreRulesFile {
        static final String NAME = ".synclineignore";
    }
}
