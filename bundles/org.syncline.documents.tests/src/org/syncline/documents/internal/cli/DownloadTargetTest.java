package org.syncline.documents.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

class DownloadTargetTest {
    private static final byte[] CONTENT = "the document".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void writesTheBytesAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("doc.txt");
        DownloadTarget.write(target, false, out -> send(out, CONTENT));
        assertEquals("the document", Files.readString(target));
        assertEquals(1, count());
    }

    @Test
    void neverOverwritesWithoutForce() throws IOException {
        Path target = Files.writeString(dir.resolve("doc.txt"), "mine");
        SynclineException e = assertThrows(SynclineException.class, () -> DownloadTarget.write(target, false, out -> send(out, CONTENT)));
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("mine", Files.readString(target));
        DownloadTarget.write(target, true, out -> send(out, CONTENT));
        assertEquals("the document", Files.readString(target));
        assertEquals(1, count());
    }

    @Test
    void bytesThatDoNotMatchTheirHashLeaveNothing() throws IOException {
        Path target = dir.resolve("doc.txt");
        SynclineException e = assertThrows(SynclineException.class, () -> DownloadTarget.write(target, false, out -> {
            send(out, CONTENT);
            return Sha256.hex(new byte[] {1});
        }));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertEquals(0, count());
    }

    @Test
    void aDownloadThatFailsHalfWayLeavesTheOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("doc.txt"), "mine");
        assertThrows(SynclineException.class, () -> DownloadTarget.write(target, true, out -> {
            try {
                out.write(CONTENT, 0, 4);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "cut");
        }));
        assertEquals("mine", Files.readString(target));
        assertEquals(1, count());
    }

    @Test
    void datesAreDaysInUtcOrInstants() {
        assertEquals(Instant.parse("2026-11-22T00:00:00Z"), DateArgument.parse("--modified-after", "2026-11-22"));
        assertEquals(Instant.parse("2026-11-22T10:15:00Z"), DateArgument.parse("--modified-after", "2026-11-22T10:15:00Z"));
        SynclineException e = assertThrows(SynclineException.class, () -> DateArgument.parse("--modified-before", "last week"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().startsWith("--modified-before takes a date"), e.getMessage());
    }

    private static String send(java.io.OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.hex(bytes);
    }

    private long count() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
