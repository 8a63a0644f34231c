package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncline.core.BlockInputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

class BlobStoreTest {
    private static final long SIZE = 5L * 1024 * 1024 + 12_345;
    private static final String HELLO_SHA = Sha256.hex("hello".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;
    private BlobStore blobs;

    @BeforeEach
    void create() {
        blobs = new BlobStore(dir);
    }

    @Test
    void aMultiMegabyteStreamRoundTripsUnderItsSha() throws IOException {
        String expected = Sha256.hex(new Generated(SIZE, 42));
        String sha = blobs.put(new Generated(SIZE, 42));
        assertEquals(expected, sha);
        Path file = dir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertTrue(Files.isRegularFile(file), "fanned out as ab/cd/<sha>");
        assertEquals(SIZE, blobs.size(sha));
        assertTrue(blobs.exists(sha));
        try (InputStream actual = blobs.open(sha); InputStream wanted = new Generated(SIZE, 42)) {
            assertSameBytes(wanted, actual);
        }
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void aBlobLargerThanTheWriteBehindStepIsStoredWholeAndAFailurePastItLeavesNothing() throws IOException {
        long size = 2 * org.syncline.core.WriteBehind.STEP + 12345; // two flushes start while it is written
        String sha = blobs.put(new Generated(size, 9));
        assertEquals(Sha256.hex(new Generated(size, 9)), sha);
        try (InputStream actual = blobs.open(sha); InputStream wanted = new Generated(size, 9)) {
            assertSameBytes(wanted, actual);
        }
        InputStream failing = new Generated(size, 10) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() > org.syncline.core.WriteBehind.STEP + 1) {
                    throw new IOException("connection reset after the first flush");
                }
                return super.read(b, off, len);
            }
        };
        assertCode(ErrorCode.STORAGE, () -> blobs.put(failing));
        assertEquals(List.of(), tempFiles());
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(1, all.filter(Files::isRegularFile).count(), "only the first blob");
        }
    }

    @Test
    void storingKnownContentAgainDoesNotRewriteIt() throws IOException {
        String sha = blobs.put(stream("hello"));
        Object fileKey = fileKey(sha);
        assertEquals(sha, blobs.put(stream("hello")));
        assertEquals(sha, blobs.put(stream("hello"), sha));
        assertEquals(fileKey, fileKey(sha), "same file, not replaced by a rename");
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void putWithTheRightExpectedShaStores() {
        assertEquals(HELLO_SHA, blobs.put(stream("hello"), HELLO_SHA));
        assertTrue(blobs.exists(HELLO_SHA));
    }

    @Test
    void putWithTheWrongExpectedShaLeavesNothingOnDisk() throws IOException {
        SynclineException e = assertCode(ErrorCode.INTEGRITY, () -> blobs.put(new Generated(SIZE, 1), HELLO_SHA));
        assertTrue(e.getMessage().contains(HELLO_SHA), e.getMessage());
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(dir, dir.resolve("tmp")), all.sorted().toList());
        }
    }

    @Test
    void wrongContentForAStoredBlobIsRefusedAndTheBlobKept() throws IOException {
        blobs.put(stream("hello"));
        assertCode(ErrorCode.INTEGRITY, () -> blobs.put(stream("jello"), HELLO_SHA));
        try (InputStream in = blobs.open(HELLO_SHA)) {
            assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertFalse(blobs.exists(Sha256.hex("jello".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aCorruptedBlobFailsWhenReadToTheEnd() throws IOException {
        String sha = blobs.put(new Generated(300_000, 7));
        try (FileChannel ch = FileChannel.open(pathOf(sha), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] { 0x55 }), 123_456);
        }
        assertEquals(300_000, blobs.size(sha), "same size, different bytes");
        try (InputStream in = blobs.open(sha)) {
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains(sha) && e.getMessage().contains("corrupt"), e.getMessage());
        }
        try (InputStream in = blobs.open(sha)) {
            assertThrows(IOException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
        }
        try (InputStream in = blobs.open(sha)) {
            assertThrows(IOException.class, () -> {
                in.skip(Long.MAX_VALUE);
                in.read();
            });
        }
    }

    @Test
    void openUnverifiedReadsTheBytesAsStoredForAReaderThatChecksThemItself() throws IOException {
        String sha = blobs.put(new Generated(300_000, 7));
        try (FileChannel ch = FileChannel.open(pathOf(sha), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] { 0x55 }), 123_456);
        }
        byte[] read;
        try (InputStream in = blobs.openUnverified(sha)) {
            read = in.readAllBytes();
        }
        assertEquals(300_000, read.length);
        assertEquals(0x55, read[123_456], "the damaged byte, as it is on disk");
        assertTrue(!Sha256.hex(read).equals(sha), "its reader sees the mismatch in what it hashes");
        assertCode(ErrorCode.NOT_FOUND, () -> blobs.openUnverified("0".repeat(64)));
    }

    @Test
    void aTruncatedBlobFailsWhenReadToTheEnd() throws IOException {
        String sha = blobs.put(new Generated(100_000, 8));
        try (FileChannel ch = FileChannel.open(pathOf(sha), StandardOpenOption.WRITE)) {
            ch.truncate(99_999);
        }
        try (InputStream in = blobs.open(sha)) {
            assertThrows(IOException.class, in::readAllBytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "../../../../etc/passwd", "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982",
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98240",
            "2c/f24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982g" })
    void badBlobNamesAreRefused(String sha) {
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> blobs.open(sha));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> blobs.exists(sha));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> blobs.size(sha));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> blobs.delete(sha));
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> blobs.put(stream("hello"), sha));
    }

    @Test
    void aNullBlobNameIsRefused() {
        assertCode(ErrorCode.INVALID_ARGUMENT, () -> blobs.open(null));
    }

    @Test
    void anAbsentBlobIsNotFound() {
        assertFalse(blobs.exists(HELLO_SHA));
        assertCode(ErrorCode.NOT_FOUND, () -> blobs.open(HELLO_SHA));
        assertCode(ErrorCode.NOT_FOUND, () -> blobs.size(HELLO_SHA));
        assertFalse(blobs.delete(HELLO_SHA));
    }

    @Test
    void deleteRemovesTheBlob() {
        String sha = blobs.put(stream("hello"));
        assertTrue(blobs.delete(sha));
        assertFalse(blobs.exists(sha));
        assertFalse(blobs.delete(sha));
    }

    @Test
    void staleTempFilesAreRemovedWhenTheStoreOpens() throws IOException {
        String sha = blobs.put(stream("hello"));
        Files.writeString(dir.resolve("tmp").resolve("put-123.tmp"), "half a write");
        new BlobStore(dir);
        assertEquals(List.of(), tempFiles());
        assertTrue(blobs.exists(sha));
    }

    @Test
    void aFailingSourceLeavesNothingBehind() throws IOException {
        InputStream failing = new Generated(10L * 1024 * 1024, 3) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position() > 1024 * 1024) {
                    throw new IOException("connection reset");
                }
                return super.read(b, off, len);
            }
        };
        SynclineException e = assertCode(ErrorCode.STORAGE, () -> blobs.put(failing));
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(dir, dir.resolve("tmp")), all.sorted().toList());
        }
    }

    @Test
    void aBatchStoresEachBlobUnderItsShaAndReadsNoBytePastTheLast() throws IOException {
        InputStream in = stream("hello" + "" + "world!" + "hello" + "TAIL");
        List<String> shas = blobs.putAll(List.of(5L, 0L, 6L, 5L), in);
        assertEquals(List.of(HELLO_SHA, Sha256.hex(new byte[0]), Sha256.hex("world!".getBytes(StandardCharsets.US_ASCII)), HELLO_SHA), shas);
        for (String sha : shas) {
            try (InputStream blob = blobs.open(sha)) {
                assertEquals(sha, Sha256.hex(blob));
            }
        }
        assertEquals(6, blobs.size(shas.get(2)));
        assertEquals("TAIL", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        assertEquals(List.of(), tempFiles());
    }

    @Test
    void aBatchWhoseStreamEndsEarlyStoresNoneOfItsBlobs() throws IOException {
        SynclineException e = assertCode(ErrorCode.BAD_REQUEST, () -> blobs.putAll(List.of(5L, 6L), stream("helloworl")));
        assertTrue(e.getMessage().contains("ended after 4 of the 6 bytes of blob 2 of 2"), e.getMessage());
        assertFalse(blobs.exists(HELLO_SHA), "the first blob, complete, is not stored either");
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(dir, dir.resolve("tmp")), all.sorted().toList());
        }
    }

    private Path pathOf(String sha) {
        return dir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private Object fileKey(String sha) throws IOException {
        return Files.readAttributes(pathOf(sha), BasicFileAttributes.class).fileKey();
    }

    /** Blobs hold users' files: no other account on the machine may read them, not even while written. */
    @Test
    void blobFilesAre0600AndTheirFoldersAre0700FromCreation() throws IOException {
        Path root = dir.resolve("fresh");
        BlobStore fresh = new BlobStore(root);
        List<String> whileWriting = new java.util.ArrayList<>();
        InputStream watched = new ByteArrayInputStream("owner only".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                try (Stream<Path> temps = Files.list(root.resolve("tmp"))) {
                    for (Path t : temps.toList()) {
                        whileWriting.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(t)));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return super.read(b, off, len);
            }
        };
        String sha = fresh.put(watched);

        assertFalse(whileWriting.isEmpty(), "the temp file was looked at while it was written");
        assertTrue(whileWriting.stream().allMatch("rw-------"::equals), whileWriting.toString());
        Path file = root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        for (Path d : List.of(root, root.resolve("tmp"), file.getParent().getParent(), file.getParent())) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
        }
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("tmp"))) {
            return s.toList();
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void assertSameBytes(InputStream wanted, InputStream actual) throws IOException {
        byte[] a = new byte[8192];
        byte[] b = new byte[8192];
        long offset = 0;
        while (true) {
            int n = wanted.readNBytes(a, 0, a.length);
            int m = actual.readNBytes(b, 0, b.length);
            assertEquals(n, m, "length differs near offset " + offset);
            if (n == 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (a[i] != b[i]) {
                    throw new AssertionError("bytes differ at offset " + (offset + i));
                }
            }
            offset += n;
        }
    }

    private static SynclineException assertCode(ErrorCode code, Executable action) {
        SynclineException e = assertThrows(SynclineException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    /** Pseudo-random bytes made while read, so a test of a large blob holds none of it in memory. */
    private static class Generated extends BlockInputStream {
        private final long size;
        private final Random random;
        private long position;

        Generated(long size, long seed) {
            this.size = size;
            this.random = new Random(seed);
        }

        long position() {
            return position;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            position += n;
            return n;
        }
    }
}
