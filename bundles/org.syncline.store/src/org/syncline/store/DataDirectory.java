package org.syncline.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * The server's data directory holds the TLS private key, the database and every stored file, so only its
 * owner may use it. Permissions are given as attributes of the creation itself, never set afterwards: a
 * chmod after the fact leaves a moment in which another user can open the file and keep it open.
 */
public final class DataDirectory {
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private DataDirectory() {
    }

    /**
     * Makes {@code dir} ready as a data directory and returns it absolute: a missing one is created owner-only
     * (0700, with any missing parents); an existing one is refused with {@link ErrorCode#CONFIG} when it is
     * not a directory or when its group or other users may write to it, since they could then replace the
     * key, the database or the blobs. Call it before anything is read from or written to the directory.
     */
    public static Path open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            if (abs.getParent() != null) {
                createOwnerOnlyDirectories(abs.getParent());
            }
            if (isPosix(abs)) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } else {
                Files.createDirectory(abs);
            }
            return abs;
        } catch (FileAlreadyExistsException e) {
            // Checked below: whoever made it may have left it open to others.
        } catch (SynclineException e) {
            throw new SynclineException(ErrorCode.CONFIG, e.getMessage(), e);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.CONFIG, "The data directory " + abs + " cannot be created (" + e
                    + "); check that this user may write to its parent or choose another --data directory.", e);
        }
        if (!Files.isDirectory(abs)) {
            throw new SynclineException(ErrorCode.CONFIG, "The data directory " + abs
                    + " exists but is not a directory; remove it or choose another --data directory.");
        }
        if (isPosix(abs)) {
            Set<PosixFilePermission> perms;
            try {
                perms = Files.getPosixFilePermissions(abs);
            } catch (IOException e) {
                throw new SynclineException(ErrorCode.CONFIG, "The permissions of the data directory " + abs
                        + " cannot be read (" + e + "); check that this user owns it.", e);
            }
            if (perms.stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
                throw new SynclineException(ErrorCode.CONFIG, "The data directory " + abs + " can be written by other users ("
                        + PosixFilePermissions.toString(perms) + "); run 'chmod go-w " + abs
                        + "' or choose another --data directory.");
            }
        }
        return abs;
    }

    /**
     * Creates {@code dir} and any missing parents as 0700 and returns it absolute; an existing directory is
     * left as it is. Fails with {@link ErrorCode#STORAGE} when it cannot be created.
     */
    public static Path createOwnerOnlyDirectories(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            if (isPosix(abs)) {
                return Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            return Files.createDirectories(abs);
        } catch (FileAlreadyExistsException e) {
            throw new SynclineException(ErrorCode.STORAGE, abs + " exists but is not a directory; remove it or move it away.", e);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The directory " + abs + " cannot be created (" + e
                    + "); check free disk space and that this user may write to its parent.", e);
        }
    }

    /**
     * A scratch directory emptied: created as {@link #createOwnerOnlyDirectories} does, and the files in it (what a
     * stop left half done) deleted. Subdirectories are not looked into: a scratch directory holds files only.
     */
    public static Path emptyScratch(Path dir) throws IOException {
        Path abs = createOwnerOnlyDirectories(dir);
        try (var files = Files.list(abs)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        return abs;
    }

    /**
     * Creates a new, empty temporary file in {@code dir} that only its owner can read or write (0600) from the
     * moment it exists. The caller writes it, forces it and renames it into place.
     */
    public static Path createOwnerOnlyTempFile(Path dir, String prefix, String suffix) throws IOException {
        if (isPosix(dir)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_FILE);
            return Files.createTempFile(dir, prefix, suffix, ownerOnly);
        }
        return Files.createTempFile(dir, prefix, suffix);
    }

    /**
     * Writes {@code content} to {@code target} all or nothing, owner-only (0600): a temp file created 0600
     * beside it, forced to disk, renamed over the target, then the folder forced so the rename outlives a
     * crash. Missing folders are created 0700. Fails with {@link ErrorCode#STORAGE}, leaving no temp file.
     * For the server's small files such as {@code run/server.json}.
     */
    public static void writeOwnerOnly(Path target, byte[] content) {
        Path abs = target.toAbsolutePath().normalize();
        createOwnerOnlyDirectories(abs.getParent());
        try {
            AtomicFiles.write(abs, content, true);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not write " + abs + " (" + e.getMessage()
                    + "); check free disk space and the folder's permissions.", e);
        }
    }

    // Windows and some mounted file systems have no POSIX permissions; there the folder's ACL is what applies.
    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
