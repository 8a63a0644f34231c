package org.syncline.documents.internal.ui;

import java.nio.file.Path;

import org.syncline.documents.VersionInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.documents.client.VerifiedDownload;

/** Saves one version of a document through {@link VerifiedDownload}: all or nothing, checked against its SHA-256. */
final class DownloadFile {
    private DownloadFile() {
    }

    /**
     * @param version   0: the newest
     * @param overwrite false: fail rather than replace a file that is there (also one that appears meanwhile)
     */
    static VersionInfo write(DocumentsClient client, String id, int version, Path target, boolean overwrite) {
        VersionInfo[] sent = new VersionInfo[1];
        VerifiedDownload.write(target, overwrite, "choose another folder or remove it first.", out -> {
            sent[0] = client.get(id, version, out);
            return sent[0].sha256();
        });
        return sent[0];
    }
}
