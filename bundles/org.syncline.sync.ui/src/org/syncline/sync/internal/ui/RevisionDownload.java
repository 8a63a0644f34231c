package org.syncline.sync.internal.ui;

import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.Revision;
import org.syncline.sync.client.SyncClient;

/**
 * Saves one revision of a hub file to a file the user chose: its chunks stream from the hub one at a time
 * into a temp file beside the target, the whole is checked against the revision's SHA-256, then renamed into
 * place. A cancel, a broken connection or a wrong hash leaves the target as it was.
 */
final class RevisionDownload {
    private RevisionDownload() {
    }

    static void save(SyncClient client, String folder, Revision revision, Path target, IProgressMonitor monitor) {
        if (revision.deleted()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Revision " + revision.number() + " of " + revision.path()
                    + " is its deletion and has no content; choose an older revision.");
        }
        List<ChunkRef> chunks = client.fileChunks(folder, revision.path(), revision.number());
        SubMonitor progress = SubMonitor.convert(monitor, "Downloading revision " + revision.number() + " of " + revision.path(), chunks.size());
        AtomicFiles.write(target, true, "", out -> {
            MessageDigest sha = Sha256.newDigest();
            // never closed here: the atomic writer closes the file, getChunk closes only its own inflater
            OutputStream digesting = new DigestOutputStream(out, sha);
            for (ChunkRef chunk : chunks) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                client.getChunk(folder, chunk.sha256(), digesting);
                progress.worked(1);
            }
            digesting.flush();
            String got = java.util.HexFormat.of().formatHex(sha.digest());
            if (revision.sha256() != null && !revision.sha256().equals(got)) {
                throw new SynclineException(ErrorCode.INTEGRITY, "The bytes received for revision " + revision.number() + " of "
                        + revision.path() + " do not match its SHA-256; nothing was saved, try again.");
            }
        });
    }
}
