package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class DataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aNewDataDirectoryAndItsMissingParentsAre0700() throws IOException {
        Path data = tmp.resolve("home/share/syncline");

        assertEquals(data, DataDirectory.open(data));

        assertTrue(Files.isDirectory(data));
        assertEquals("rwx------", permissions(data));
        assertEquals("rwx------", permissions(data.getParent()));
        assertEquals("rwx------", permissions(data.getParent().getParent()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "rwxrwx---", "rwx-w----", "rwxr-xrwx", "rwx----w-", "rwxrwxrwx" })
    void anExistingDirectoryOthersCanWriteIsRefusedNamingIt(String perms) throws IOException {
        Path data = Files.createDirectory(tmp.resolve("shared-data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(perms));

        SynclineException e = assertThrows(SynclineException.class, () -> DataDirectory.open(data));

        assertEquals(ErrorCode.CONFIG, e.code());
        assertEquals("The data directory " + data + " can be written by other users (" + perms + "); run 'chmod go-w "
                + data + "' or choose another --data directory.", e.getMessage());
        assertEquals(perms, permissions(data), "refusing changes nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = { "rwx------", "rwxr-x---", "rwxr-xr-x" })
    void anExistingDirectoryOnlyTheOwnerCanWriteIsKept(String perms) throws IOException {
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(data.resolve("kept"), "x");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(perms));

        assertEquals(data, DataDirectory.open(data));

        assertEquals(perms, permissions(data), "an accepted directory is not chmod-ed");
        assertTrue(Files.exists(data.resolve("kept")));
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefusedNamingIt() throws IOException {
        Path data = Files.writeString(tmp.resolve("data"), "not a directory");

        SynclineException e = assertThrows(SynclineException.class, () -> DataDirectory.open(data));

        assertEquals(ErrorCode.CONFIG, e.code());
        assertTrue(e.getMessage().startsWith("The data directory " + data + " exists but is not a directory;"), e.getMessage());
    }

    @Test
    void ownerOnlyTempFilesAndDirectoriesAreCreatedThatWay() throws IOException {
        Path nested = DataDirectory.createOwnerOnlyDirectories(tmp.resolve("a/b"));
        Path file = DataDirectory.createOwnerOnlyTempFile(nested, "t-", ".tmp");

        assertEquals("rwx------", permissions(tmp.resolve("a")));
        assertEquals("rwx------", permissions(nested));
        assertEquals("rw-------", permissions(file));
        assertEquals(nested, file.getParent());
    }

    @Test
    void anEmptiedScratchDirectoryIsOwnerOnlyAndHoldsNothingOfBefore() throws IOException {
        Path scratch = tmp.resolve("data/sync/scratch");
        assertEquals(scratch, DataDirectory.emptyScratch(scratch), "made when missing");
        Files.writeString(scratch.resolve("half-written.tmp"), "left by a stop");
        Files.writeString(scratch.resolve("another"), "x");
        DataDirectory.emptyScratch(scratch);
        try (var left = Files.list(scratch)) {
            assertEquals(0, left.count(), "what a stop left is gone");
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch)));
    }

    @Test
    void writeOwnerOnlyReplacesTheFileWholeAsOwnerOnly() throws IOException {
        Path run = tmp.resolve("data/run/server.json");
        Files.createDirectories(run.getParent());
        Files.writeString(run, "old, readable by all");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rw-r--r--"));

        DataDirectory.writeOwnerOnly(run, "{\"port\": 7443}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertEquals("{\"port\": 7443}", Files.readString(run));
        assertEquals("rw-------", permissions(run), "the new file is a new inode, 0600 from creation");
        try (java.util.stream.Stream<Path> files = Files.list(run.getParent())) {
            assertEquals(java.util.List.of(run), files.toList(), "no temp file left");
        }
        Path fresh = tmp.resolve("other/run/server.json");
        DataDirectory.writeOwnerOnly(fresh, new byte[] { 1 });
        assertEquals("rwx------", permissions(fresh.getParent()));
        assertEquals("rw-------", permissions(fresh));
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
