package org.syncline.documents.internal.ui;

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

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.documents.VersionInfo;
import org.syncline.documents.client.DocumentsClient;

/**
 * Writes a download all or nothing: a temp file next to the target, fsync, the SHA-256 the server reports
 * checked, then an atomic rename. A failed or corrupt download leaves the target as it was. (The CLI does the
 * same in its own internal class, which the documents bundle does not offer to other bundles.)
 */
final class DownloadFile {
    private DownloadFile() {
    }

    /**
     * @param version   0: the newest
     * @param overwrite false: fail rather than replace a file that is there (also one that appears meanwhile)
     */
    static VersionInfo write(DocumentsClient client, String id, int version, Path target, boolean overwrite) {
        if (!overwrite && Files.exists(target)) {
            throw exists(target);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            MessageDigest digest = Sha256.newDigest();
            VersionInfo sent;
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), digest)) {
                sent = client.get(id, version, out);
                out.flush();
                ch.force(true);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sent.sha256())) {
                throw new SynclineException(ErrorCode.INTEGRITY, "The bytes received for " + target
                        + " do not match their SHA-256; nothing was written, download it again.");
            }
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // a link, unlike a rename, fails when the target appeared meanwhile
                Files.createLink(target, temp);
            }
            return sent;
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
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

    private static SynclineException exists(Path target) {
        return new SynclineException(ErrorCode.ALREADY_EXISTS, target + " already exists; choose another folder or remove it first.");
    }
}
