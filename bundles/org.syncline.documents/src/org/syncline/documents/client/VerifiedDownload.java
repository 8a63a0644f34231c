package org.syncline.documents.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Function;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/**
 * Writes a download all or nothing: into a temp file next to the target, fsync, check the SHA-256 the server
 * reports, then an atomic rename. A failed or corrupt download leaves the target as it was. The CLI and the
 * workbench both save documents through it.
 */
public final class VerifiedDownload {
    private VerifiedDownload() {
    }

    /**
     * @param overwrite  false: fail rather than replace a file that is there (also one that appears meanwhile)
     * @param whenExists what the user can do when the target exists, appended to the ALREADY_EXISTS sentence
     * @param download   writes the bytes to the stream it gets and returns the SHA-256 they must have
     */
    public static void write(Path target, boolean overwrite, String whenExists, Function<OutputStream, String> download) {
        if (!overwrite && Files.exists(target)) {
            throw exists(target, whenExists);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            MessageDigest digest = Sha256.newDigest();
            String expected;
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), digest)) {
                expected = download.apply(out);
                out.flush();
                ch.force(true);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                throw new SynclineException(ErrorCode.INTEGRITY, "The bytes received for " + target + " do not match their SHA-256 (expected "
                        + expected + ", got " + actual + "); nothing was written, download it again.");
            }
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // a link, unlike a rename, fails when the target appeared meanwhile: never overwrite unless asked to
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

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not every platform opens folders; the rename is atomic anyway
        }
    }

    private static SynclineException exists(Path target, String whenExists) {
        return new SynclineException(ErrorCode.ALREADY_EXISTS, target + " exists already; " + whenExists);
    }
}
