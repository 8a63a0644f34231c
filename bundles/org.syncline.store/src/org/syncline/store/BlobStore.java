package org.syncline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
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
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                sha = copy(in, Channels.newOutputStream(out));
                out.force(true);
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
        MessageDigest digest = Sha256.newDigest();
        byte[] buf = new byte[STEP];
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
