package org.syncline.sync.internal.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.syncline.core.CountingOutputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.BlockSize;
import org.syncline.core.delta.Patch;
import org.syncline.core.delta.Signature;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.SyncMessages;
import org.syncline.sync.client.SyncClient;

/**
 * Receives a large file's new revision as an rsync-style delta against the copy here, which the caller has
 * found still to be the last version synced: the signature of that copy goes up, the hub's delta comes down
 * into a scratch file in the state directory, and the new content is rebuilt into a temp file next to the
 * target, checked against the revision's SHA-256 and forced to disk; the caller renames it into place. A false
 * block match is retried once with full 32-byte block hashes; anything else the caller fetches by chunks.
 */
final class DeltaDownload {
    /** A rebuilt revision: the temp file, its content as the hub names it, and what crossed the wire. */
    record Received(Path temp, FileContent content, long signatureBytes, long deltaBytes) {
    }

    private final SyncClient client;
    private final String folder;
    private final Path root;
    private final Throttle down;

    DeltaDownload(SyncClient client, String folder, Path root, Throttle down) {
        this.client = client;
        this.folder = folder;
        this.root = root;
        this.down = down;
    }

    /** Whether a file of this size with a synced copy here comes by delta: the upload's threshold. */
    static boolean worthIt(RemoteFile r) {
        return r.size() >= SyncMessages.DELTA_MIN_SIZE;
    }

    /**
     * Rebuilds revision {@code r} from {@code target}; null when it cannot come by delta (the signature would be
     * too large, the hub refused, or the copy here changed under the rebuild): the caller fetches its chunks.
     */
    Received fetch(RemoteFile r, Path target) throws IOException, InterruptedException {
        try {
            try {
                return attempt(r, target, -1);
            } catch (SynclineException e) {
                if (e.code() != ErrorCode.INTEGRITY) {
                    throw e;
                }
                return attempt(r, target, BlockSize.MAX_STRONG);
            }
        } catch (SynclineException | java.nio.file.NoSuchFileException e) {
            return null; // refused, or the copy here changed or went: the chunks are fetched
        }
    }

    private Received attempt(RemoteFile r, Path target, int strong) throws IOException, InterruptedException {
        Signature sig = Signature.of(target, strong);
        if (sig.wireSize() > SyncMessages.DELTA_GET_MAX_SIGNATURE) {
            return null;
        }
        Path state = Files.createDirectories(root.resolve(LocalIndex.STATE_DIR));
        Path scratch = Files.createTempFile(state, "delta-", ".tmp");
        try {
            long sent;
            long received;
            try (CountingOutputStream out = new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(scratch), 65536))) {
                sent = client.getDelta(folder, r.path(), r.revision(), sig, out);
                out.flush();
                received = out.count();
            }
            down.take(received);
            Path tmp;
            try (InputStream in = Files.newInputStream(scratch)) {
                tmp = rebuild(target, in, r.sha256());
            }
            try {
                return new Received(tmp, FileContent.of(tmp), sent, received);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /**
     * Writes {@code basis} patched with {@code delta} to a new temp file beside it (named so every scan ignores
     * it), forced to disk, and returns it when it is the content of SHA-256 {@code sha256}; else nothing is left.
     *
     * @throws SynclineException INTEGRITY when the result is another file (the basis changed, a false block
     *                           match), PROTOCOL_ERROR for a malformed delta
     */
    static Path rebuild(Path basis, InputStream delta, String sha256) throws IOException {
        Path tmp = Files.createTempFile(basis.getParent(), LeftoverParts.PREFIX, ".tmp");
        boolean done = false;
        try {
            String built;
            try (FileChannel from = FileChannel.open(basis, StandardOpenOption.READ);
                    FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 65536)) {
                built = Patch.apply(from, delta, out);
                out.flush();
                ch.force(true);
            }
            if (!built.equals(sha256)) {
                throw new SynclineException(ErrorCode.INTEGRITY, "'" + basis.getFileName() + "' rebuilt from the delta has SHA-256 " + built + ", not "
                        + sha256 + "; it was not written.");
            }
            done = true;
            return tmp;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
