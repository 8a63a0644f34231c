package org.syncline.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file all or nothing: a temp file in the target's folder, fsync, an atomic rename (or a hard link,
 * when an existing file must never be replaced), fsync of the folder. A failure at any step, including one the
 * content writer throws (a digest that does not match, say), leaves the target as it was and no temp file.
 * The one place that does this: keys, downloads, exported topologies and patched files all come through here.
 * A large file's bytes go to disk while it is written ({@link WriteBehind}), so the fsync before the rename waits for
 * its last few MiB, not the whole file.
 */
public final class AtomicFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Writes the content of a file to the stream it is given; it must not close the stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** A small file (a key, a certificate), owner-only from its creation when asked. */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        try {
            write(target, true, "", ownerOnly, out -> out.write(content));
        } catch (SynclineException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
    }

    /**
     * @param overwrite  false: fail with ALREADY_EXISTS rather than replace a file that is there (also one
     *                   that appears meanwhile)
     * @param whenExists what the user can do when the target exists, appended to the ALREADY_EXISTS sentence
     */
    public static void write(Path target, boolean overwrite, String whenExists, Content content) {
        write(target, overwrite, whenExists, false, content);
    }

    private static void write(Path target, boolean overwrite, String whenExists, boolean ownerOnly, Content content) {
        if (!overwrite && Files.exists(target)) {
            throw exists(target, whenExists);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // owner-only from creation: a key must never exist, even for a moment, with wider permissions
            FileAttribute<?>[] attrs = ownerOnly && POSIX
                    ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part", attrs);
            // a large file's bytes go to disk while it is written, so the fsync waits for the last few MiB only
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE); WriteBehind out = new WriteBehind(ch)) {
                content.writeTo(out);
                out.finish();
            }
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // a link, unlike a rename, fails when the target appeared meanwhile
                Files.createLink(target, temp);
            }
            syncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw exists(target, whenExists);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not write " + target + " (" + e.getMessage()
                    + "); check the folder exists, is writable and has space.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a leftover .part file is harmless and named for what it is
                }
            }
        }
    }

    /** Forces a folder's entries (a rename in it) to disk; a no-op where folders cannot be opened. */
    public static void syncDirectory(Path dir) {
        if (!POSIX) {
            return; // not every platform opens folders; the rename is atomic anyway
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true); // the rename itself survives a crash
        } catch (IOException e) {
            // as above
        }
    }

    private static SynclineException exists(Path target, String whenExists) {
        return new SynclineException(ErrorCode.ALREADY_EXISTS, target + " exists; " + whenExists);
    }
}
