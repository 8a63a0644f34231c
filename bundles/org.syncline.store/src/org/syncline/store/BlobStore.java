package org.syncline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.syncline.core.BlockInputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.WriteBehind;
import org.syncline.store.internal.VerifyingInputStream;

/**
 * Content-addressed files: a blob is named by the lower-case hex SHA-256 of its bytes and lives at
 * {@code dir/ab/cd/<sha>}. A blob appears whole or not at all (temp file, fsync, atomic rename), and
 * content is streamed, never held in memory. Folders and files are owner-only from their creation (a blob
 * keeps the 0600 of its temp file through the rename). One BlobStore per folder per process: constructing
 * one removes the temp files that writes cut short left behind.
 */
public final class BlobStore {
    private static final int STEP = 64 * 1024;
    private final Path dir;
    private final Path tmp;

    public BlobStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.tmp = this.dir.resolve("tmp");
        DataDirectory.createOwnerOnlyDirectories(tmp);
        try {
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(tmp)) {
                for (Path p : stale) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The blob folder " + this.dir + " cannot be used ("
                    + e + "); check that it is on a writable disk and that this user may write to it.", e);
        }
    }

    /** Stores the content and returns its SHA-256; content already stored is not written again. */
    public String put(InputStream in) {
        return store(in, null);
    }

    /**
     * As {@link #put(InputStream)}, but the content must hash to {@code expectedSha}; when it does not,
     * fails with {@link ErrorCode#INTEGRITY} and leaves nothing on disk.
     */
    public String put(InputStream in, String expectedSha) {
        return store(in, requireSha(expectedSha));
    }

    /**
     * Stores many blobs sent one after the other in one stream, blob {@code i} being the next {@code sizes.get(i)} bytes, and
     * returns their SHA-256s in that order. Whole or nothing: each blob goes to a temp file of its own, whose force to disk
     * starts as soon as its bytes are written (while the next blob arrives, so the disk commits many in one journal flush
     * instead of one flush a blob, and little is left to wait for after the last byte); only when every blob was read to
     * its declared size and every force ended are they renamed into place and their folders forced. A stream that ends
     * early stores nothing. Reads no byte past the last blob.
     */
    public java.util.List<String> putAll(java.util.List<Long> sizes, InputStream in) {
        java.util.List<Path> temps = new java.util.ArrayList<>();
        java.util.List<String> shas = new java.util.ArrayList<>();
        byte[] buf = new byte[STEP];
        try {
            try (var forces = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                java.util.List<java.util.concurrent.Future<?>> forced = new java.util.ArrayList<>();
                for (int i = 0; i < sizes.size(); i++) {
                    long size = sizes.get(i);
                    Path temp = DataDirectory.createOwnerOnlyTempFile(tmp, "batch-", ".tmp");
                    temps.add(temp);
                    long[] copied = {0};
                    try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                        shas.add(copy(new BoundedInput(in, size, copied), out, buf));
                    }
                    if (copied[0] < size) {
                        throw new SynclineException(ErrorCode.BAD_REQUEST, "The stream ended after " + copied[0] + " of the " + size
                                + " bytes of blob " + (i + 1) + " of " + sizes.size() + "; nothing was stored.");
                    }
                    forced.add(forces.submit(() -> {
                        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                            ch.force(true);
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : forced) {
                    awaitForce(f);
                }
            }
            java.util.Set<Path> folders = new java.util.LinkedHashSet<>();
            for (int i = 0; i < temps.size(); i++) {
                Path target = pathOf(shas.get(i));
                if (!Files.exists(target)) {
                    DataDirectory.createOwnerOnlyDirectories(target.getParent());
                    Files.move(temps.get(i), target, StandardCopyOption.ATOMIC_MOVE);
                    folders.add(target.getParent());
                }
            }
            try (var syncs = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                folders.forEach(d -> syncs.submit(() -> syncDirectory(d)));
            }
            return shas;
        } catch (IOException e) {
            throw diskFailure("write a batch of blobs", e);
        } finally {
            temps.forEach(BlobStore::deleteQuietly); // the ones renamed are gone already
        }
    }

    private static void awaitForce(java.util.concurrent.Future<?> f) throws IOException {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forcing the batch to disk", e);
        }
    }

    /** The next {@code size} bytes of a stream, never reading past them nor closing it; counts what it passed on. */
    private static final class BoundedInput extends BlockInputStream {
        private final InputStream in;
        private final long[] count;
        private long left;

        BoundedInput(InputStream in, long size, long[] count) {
            this.in = in;
            this.left = size;
            this.count = count;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
                count[0] += n;
            }
            return n;
        }
    }

    /**
     * Opens the blob for reading. The stream fails with an IOException naming the blob as corrupt when
     * its bytes, read to the end, do not hash to its name.
     */
    public InputStream open(String sha) {
        Path file = pathOf(requireSha(sha));
        try {
            return new VerifyingInputStream(Files.newInputStream(file), sha);
        } catch (NoSuchFileException e) {
            throw noSuchBlob(sha);
        } catch (IOException e) {
            throw diskFailure("read blob " + sha, e);
        }
    }

    /**
     * Opens the blob for a reader that checks the SHA-256 of what it receives itself (a client verifying a download end
     * to end): the bytes are not hashed a second time here. Any other reader uses {@link #open}.
     */
    public InputStream openUnverified(String sha) {
        Path file = pathOf(requireSha(sha));
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw noSuchBlob(sha);
        } catch (IOException e) {
            throw diskFailure("read blob " + sha, e);
        }
    }

    public boolean exists(String sha) {
        return Files.isRegularFile(pathOf(requireSha(sha)));
    }

    public long size(String sha) {
        try {
            return Files.size(pathOf(requireSha(sha)));
        } catch (NoSuchFileException e) {
            throw noSuchBlob(sha);
        } catch (IOException e) {
            throw diskFailure("read the size of blob " + sha, e);
        }
    }

    /** Deletes the blob; false when there was none. */
    public boolean delete(String sha) {
        try {
            return Files.deleteIfExists(pathOf(requireSha(sha)));
        } catch (IOException e) {
            throw diskFailure("delete blob " + sha, e);
        }
    }

    private String store(InputStream in, String expected) {
        if (expected != null && exists(expected)) {
            // Nothing to write, but the upload still has to prove it is that content.
            return check(expected, copy(in, OutputStream.nullOutputStream()));
        }
        Path temp = null;
        try {
            temp = DataDirectory.createOwnerOnlyTempFile(tmp, "put-", ".tmp");
            String sha;
            // the bytes go to disk while more arrive, so the fsync after the last one waits for the last few MiB only
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE); WriteBehind out = new WriteBehind(ch)) {
                sha = copy(in, out);
                out.finish();
            }
            check(expected, sha);
            Path target = pathOf(sha);
            if (!Files.exists(target)) {
                DataDirectory.createOwnerOnlyDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
                syncDirectory(target.getParent());
            }
            return sha;
        } catch (IOException e) {
            throw diskFailure("write a blob", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static String check(String expected, String actual) {
        if (expected != null && !expected.equals(actual)) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The content received does not match its SHA-256 (expected "
                    + expected + ", got " + actual + "); send it again.");
        }
        return actual;
    }

    /** Copies in 64 KiB steps while hashing; returns the hex SHA-256 of what went through. */
    private String copy(InputStream in, OutputStream out) {
        return copy(in, out, new byte[STEP]);
    }

    private String copy(InputStream in, OutputStream out, byte[] buf) {
        MessageDigest digest = Sha256.newDigest();
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                throw new SynclineException(ErrorCode.STORAGE,
                        "Reading the content to store failed (" + e + "); nothing was stored, send it again.", e);
            }
            if (n < 0) {
                return HexFormat.of().formatHex(digest.digest());
            }
            digest.update(buf, 0, n);
            try {
                out.write(buf, 0, n);
            } catch (IOException e) {
                throw diskFailure("write a blob", e);
            }
        }
    }

    // Makes the rename itself durable. Some platforms cannot open a directory; the rename is atomic anyway.
    private static void syncDirectory(Path d) {
        try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not supported here.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // The next BlobStore on this folder removes it.
        }
    }

    private Path pathOf(String sha) {
        return dir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private static String requireSha(String sha) {
        if (!Sha256.isHex(sha)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + (sha == null ? "" : Names.printable(sha))
                    + "' is not a blob name; a blob is named by the 64 lower-case hex digits of its SHA-256.");
        }
        return sha;
    }

    private static SynclineException noSuchBlob(String sha) {
        return new SynclineException(ErrorCode.NOT_FOUND, "Blob " + sha
                + " is not stored here; check the name or fetch it from another node.");
    }

    private SynclineException diskFailure(String what, IOException e) {
        return new SynclineException(ErrorCode.STORAGE, "Could not " + what + " in " + dir + " (" + e
                + "); check free disk space and the folder's permissions.", e);
    }
}
