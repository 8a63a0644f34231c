package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void anOwnerOnlyFileIsNeverWiderThan0600AndLeavesNoTempFile() throws Exception {
        Path key = tmp.resolve("tls").resolve("server.key");
        AtomicFiles.write(key, new byte[] { 1, 2, 3 }, true);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        AtomicFiles.write(key, new byte[] { 4, 5 }, true);
        assertArrayEquals(new byte[] { 4, 5 }, Files.readAllBytes(key));
        try (var files = Files.list(key.getParent())) {
            assertEquals(List.of(key), files.toList(), "only the file itself");
        }
    }

    @Test
    void aWriterThatFailsLeavesTheTargetAsItWasAndNoTempFile() throws Exception {
        Path target = tmp.resolve("a.txt");
        Files.writeString(target, "old");
        SynclineException e = assertThrows(SynclineException.class, () -> AtomicFiles.write(target, true, "", out -> {
            out.write("half".getBytes());
            throw new SynclineException(ErrorCode.INTEGRITY, "bad bytes");
        }));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void withoutOverwriteAnExistingFileIsRefusedWithTheHint() throws Exception {
        Path target = tmp.resolve("a.txt");
        Files.writeString(target, "old");
        SynclineException e = assertThrows(SynclineException.class, () -> AtomicFiles.write(target, false, "pass --force.", out -> out.write(1)));
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        assertEquals(target + " exists; pass --force.", e.getMessage());
        assertEquals("old", Files.readString(target));
    }

    @Test
    void aFileLargerThanTheWriteBehindStepArrivesWholeAndAWriterFailingPastAFlushLeavesTheOldOne() throws Exception {
        Path target = tmp.resolve("big.bin");
        byte[] content = new byte[(int) (2 * WriteBehind.STEP + 4321)]; // two flushes start while it is written
        new java.util.Random(3).nextBytes(content);
        AtomicFiles.write(target, true, "", out -> {
            for (int at = 0; at < content.length; at += 65536) {
                out.write(content, at, Math.min(65536, content.length - at));
            }
        });
        assertArrayEquals(content, Files.readAllBytes(target));
        SynclineException e = assertThrows(SynclineException.class, () -> AtomicFiles.write(target, true, "", out -> {
            out.write(new byte[(int) WriteBehind.STEP + 1]);
            throw new SynclineException(ErrorCode.INTEGRITY, "bad bytes after the first flush");
        }));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertArrayEquals(content, Files.readAllBytes(target));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList(), "no temp file left");
        }
    }
}
