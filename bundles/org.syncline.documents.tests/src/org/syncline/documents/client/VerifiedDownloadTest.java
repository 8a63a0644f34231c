package org.syncline.documents.client;

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

class VerifiedDownloadTest {
    private static final String HINT = "choose another path with -o or pass --force to replace it.";
    private static final byte[] CONTENT = "the document".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void writesTheBytesAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("doc.txt");
        VerifiedDownload.write(target, false, HINT, out -> send(out, CONTENT));
        assertEquals("the document", Files.readString(target));
        assertEquals(1, count());
    }

    @Test
    void neverOverwritesWithoutForce() throws IOException {
        Path target = Files.writeString(dir.resolve("doc.txt"), "mine");
        SynclineException e = assertThrows(SynclineException.class, () -> VerifiedDownload.write(target, false, HINT, out -> send(out, CONTENT)));
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("mine", Files.readString(target));
        VerifiedDownload.write(target, true, HINT, out -> send(out, CONTENT));
        assertEquals("the document", Files.readString(target));
        assertEquals(1, count());
    }

    @Test
    void bytesThatDoNotMatchTheirHashLeaveNothing() throws IOException {
        Path target = dir.resolve("doc.txt");
        SynclineException e = assertThrows(SynclineException.class, () -> VerifiedDownload.write(target, false, HINT, out -> {
            send(out, CONTENT);
            return Sha256.hex(new byte[] {1});
        }));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertEquals(0, count());
    }

    @Test
    void aDownloadThatFailsHalfWayLeavesTheOldFile() throws IOException {
        Path target = Files.writeString(dir.resolve("doc.txt"), "mine");
        assertThrows(SynclineException.class, () -> VerifiedDownload.write(target, true, HINT, out -> {
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
    void aStreamGetsTheBytesAndAMismatchFailsAfterThemSayingNotToUseThem() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        VerifiedDownload.stream(out, o -> send(o, CONTENT));
        assertEquals("the document", out.toString(StandardCharsets.UTF_8));

        java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
        SynclineException e = assertThrows(SynclineException.class, () -> VerifiedDownload.stream(bad, o -> {
            send(o, CONTENT);
            return Sha256.hex(new byte[] {1});
        }));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertTrue(e.getMessage().contains("standard output") && e.getMessage().contains("do not use them"), e.getMessage());
        assertEquals("the document", bad.toString(StandardCharsets.UTF_8), "what passed cannot be taken back");
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
