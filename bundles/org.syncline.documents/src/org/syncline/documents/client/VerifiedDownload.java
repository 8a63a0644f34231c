package org.syncline.documents.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Function;

import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/**
 * Writes a download all or nothing ({@link AtomicFiles}) and checks the SHA-256 the server reports before the
 * rename: a failed or corrupt download leaves the target as it was. The CLI and the workbench both save
 * documents through it; the CLI's download to standard output checks the bytes as they pass ({@link #stream}).
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
        AtomicFiles.write(target, overwrite, whenExists, out -> check(out, download, "The bytes received for " + target, "nothing was written"));
    }

    /**
     * Sends a download to {@code out} (standard output), checking its SHA-256 as the bytes pass. They cannot be taken
     * back, so a mismatch fails after them (as curl's does) and says not to use them.
     */
    public static void stream(OutputStream out, Function<OutputStream, String> download) {
        try {
            check(out, download, "The bytes written to standard output", "do not use them");
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Writing to standard output failed (" + e.getMessage() + ").", e);
        }
    }

    private static void check(OutputStream out, Function<OutputStream, String> download, String what, String consequence) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        DigestOutputStream digesting = new DigestOutputStream(out, digest);
        String expected = download.apply(digesting);
        digesting.flush();
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new SynclineException(ErrorCode.INTEGRITY, what + " do not match their SHA-256 (expected " + expected + ", got " + actual + "); "
                    + consequence + ". Download it again; if this repeats, the stored copy is damaged: tell an administrator.");
        }
    }
}
