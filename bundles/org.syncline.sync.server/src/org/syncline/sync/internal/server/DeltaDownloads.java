package org.syncline.sync.internal.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Signature;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.sync.SyncMessages;

/**
 * The receiving side of large files by delta ({@link SyncMessages#DELTA_GET}): an agent whose copy is still the
 * last version it synced sends that copy's {@link Signature}; the hub streams the {@link Delta} of the asked
 * revision against it, read from the revision's chunks one at a time. Needs read on the folder.
 */
final class DeltaDownloads {
    private final DeltaUploads revisions;

    DeltaDownloads(DeltaUploads revisions) {
        this.revisions = revisions;
    }

    /** Writes the delta to {@code out} and returns what it holds. */
    Delta.Stats send(Principal p, String folder, String path, long revision, String signature, OutputStream out) throws IOException {
        DeltaUploads.Basis b = revisions.basis(p, folder, path, revision, Right.READ);
        Signature sig = parse(signature);
        try (InputStream in = revisions.content(b.chunks())) {
            return Delta.write(sig, in, out);
        }
    }

    /** The signature from its base64 wire form, refused when larger than a request may carry or malformed. */
    static Signature parse(String base64) throws IOException {
        if (base64.length() > (SyncMessages.DELTA_GET_MAX_SIGNATURE + 2) / 3 * 4) {
            throw new SynclineException(ErrorCode.LIMIT_REACHED, "A signature is at most " + SyncMessages.DELTA_GET_MAX_SIGNATURE
                    + " bytes; fetch the file by chunks.");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The signature is not base64 (" + e.getMessage() + ").", e);
        }
        return Signature.read(new ByteArrayInputStream(raw));
    }
}
