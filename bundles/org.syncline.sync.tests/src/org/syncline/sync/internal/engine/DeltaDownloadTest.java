package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Signature;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.SyncMessages;

/**
 * The agent's rebuild of a revision from the copy here and the hub's delta: the result is the new content,
 * byte for byte, in a temp file beside the copy (which stays as it was); a copy that changed after its
 * signature went up, a wrong hash or a malformed delta leave nothing behind.
 */
class DeltaDownloadTest {
    @TempDir
    Path dir;

    private final Random random = new Random(10);

    @Test
    void aScatteredEditIsRebuiltByteForByteBesideTheUntouchedCopy() throws Exception {
        byte[] old = bytes(3 * 1024 * 1024);
        Path copy = Files.write(dir.resolve("big.bin"), old);
        byte[] edited = old.clone();
        for (int i = 0; i < 30; i++) {
            int at = random.nextInt(edited.length - 4096);
            byte[] patch = bytes(4096);
            System.arraycopy(patch, 0, edited, at, patch.length);
        }
        edited[edited.length / 2] ^= 1;
        byte[] delta = delta(Signature.of(copy), edited);
        assertTrue(delta.length < edited.length / 10, "only the edits travel: " + delta.length + " bytes");

        Path tmp = DeltaDownload.rebuild(copy, new ByteArrayInputStream(delta), Sha256.hex(edited));
        assertArrayEquals(edited, Files.readAllBytes(tmp));
        assertEquals(dir, tmp.getParent());
        assertTrue(tmp.getFileName().toString().startsWith(".syncline-part-"), tmp.toString());
        assertArrayEquals(old, Files.readAllBytes(copy), "the copy is the caller's to replace");
    }

    @Test
    void aCopyChangedAfterItsSignatureWentUpLeavesNothing() throws Exception {
        byte[] old = bytes(2 * 1024 * 1024);
        Path copy = Files.write(dir.resolve("big.bin"), old);
        byte[] edited = old.clone();
        edited[100] ^= 1;
        byte[] delta = delta(Signature.of(copy), edited);
        byte[] local = old.clone();
        local[1024 * 1024] ^= 1; // written here while the delta was on its way: same length, other bytes
        Files.write(copy, local);

        SynclineException e = assertThrows(SynclineException.class,
                () -> DeltaDownload.rebuild(copy, new ByteArrayInputStream(delta), Sha256.hex(edited)));
        assertEquals(ErrorCode.INTEGRITY, e.code(), e.getMessage());
        assertEquals(List.of(copy), files());
        assertArrayEquals(local, Files.readAllBytes(copy), "the local change is kept");

        Files.write(copy, java.util.Arrays.copyOf(old, old.length - 1));
        SynclineException shorter = assertThrows(SynclineException.class,
                () -> DeltaDownload.rebuild(copy, new ByteArrayInputStream(delta), Sha256.hex(edited)));
        assertEquals(ErrorCode.INTEGRITY, shorter.code(), shorter.getMessage());
        assertEquals(List.of(copy), files());
    }

    @Test
    void aDeltaOfAnotherRevisionOrAMalformedOneLeavesNothing() throws Exception {
        byte[] old = bytes(1024 * 1024);
        Path copy = Files.write(dir.resolve("big.bin"), old);
        byte[] edited = old.clone();
        edited[7] ^= 1;
        byte[] delta = delta(Signature.of(copy), edited);

        SynclineException other = assertThrows(SynclineException.class,
                () -> DeltaDownload.rebuild(copy, new ByteArrayInputStream(delta), Sha256.hex(old)));
        assertEquals(ErrorCode.INTEGRITY, other.code(), other.getMessage());
        assertTrue(other.getMessage().contains("not written"), other.getMessage());

        byte[] cut = java.util.Arrays.copyOf(delta, delta.length / 2);
        SynclineException malformed = assertThrows(SynclineException.class,
                () -> DeltaDownload.rebuild(copy, new ByteArrayInputStream(cut), Sha256.hex(edited)));
        assertEquals(ErrorCode.PROTOCOL_ERROR, malformed.code(), malformed.getMessage());
        assertEquals(List.of(copy), files());
    }

    @Test
    void onlyFilesFromTheUploadsThresholdUpComeByDelta() {
        java.time.Instant t = java.time.Instant.EPOCH;
        String sha = "ab".repeat(32);
        assertTrue(DeltaDownload.worthIt(new RemoteFile("big.bin", 2, false, SyncMessages.DELTA_MIN_SIZE, sha, List.of(), "ann", t, 9)));
        assertFalse(DeltaDownload.worthIt(new RemoteFile("small.bin", 2, false, SyncMessages.DELTA_MIN_SIZE - 1, sha, List.of(), "ann", t, 9)));
    }

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] delta(Signature sig, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Delta.write(sig, new ByteArrayInputStream(content), out);
        return out.toByteArray();
    }
}
