package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.BlockSize;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Signature;
import org.syncline.sync.CommitResult;
import org.syncline.sync.client.SyncClient;

/**
 * Sends a large file's new content as an rsync-style delta against the revision the hub holds (its base):
 * the hub's signature of that revision comes down, the delta goes up from a scratch file in the state
 * directory, and the hub rebuilds, checks and commits the file. A false block match (the hub's rebuilt file
 * fails its SHA-256) is retried once with full 32-byte block hashes.
 */
final class DeltaUpload {
    /** What one delta commit cost: bytes of signature received and of delta sent. */
    record Sent(CommitResult result, long signatureBytes, long deltaBytes) {
    }

    private final SyncClient client;
    private final String folder;
    private final Path root;
    private final Throttle up;

    DeltaUpload(SyncClient client, String folder, Path root, Throttle up) {
        this.client = client;
        this.folder = folder;
        this.root = root;
        this.up = up;
    }

    /** Removes scratch files a killed agent left in the state directory. */
    static void clearScratch(Path root) throws IOException {
        Path state = root.resolve(LocalIndex.STATE_DIR);
        if (Files.isDirectory(state)) {
            try (var files = Files.newDirectoryStream(state, "delta-*.tmp")) {
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Commits {@code path} ({@code content} as read before) against revision {@code base} of the hub. */
    Sent send(String path, long base, FileContent content) throws IOException, InterruptedException {
        try {
            return attempt(path, base, content, -1);
        } catch (SynclineException e) {
            if (e.code() != ErrorCode.INTEGRITY) {
                throw e;
            }
            return attempt(path, base, content, BlockSize.MAX_STRONG);
        }
    }

    private Sent attempt(String path, long base, FileContent content, int strong) throws IOException, InterruptedException {
        Signature sig = client.signature(folder, path, base, strong);
        Path state = Files.createDirectories(root.resolve(LocalIndex.STATE_DIR));
        Path scratch = Files.createTempFile(state, "delta-", ".tmp");
        try {
            Delta.Stats d;
            try (InputStream in = Files.newInputStream(root.resolve(path)); OutputStream out = Files.newOutputStream(scratch)) {
                d = Delta.write(sig, in, out);
            }
            if (!d.sha256().equals(content.sha256())) {
                throw new IOException(path + " changed while it was uploaded; it is sent again at the next sync");
            }
            up.take(d.wireBytes());
            try (InputStream in = Files.newInputStream(scratch)) {
                CommitResult r = client.putDelta(folder, path, base, content.size(), content.sha256(), in);
                return new Sent(r, sig.wireSize(), d.wireBytes());
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }
}
