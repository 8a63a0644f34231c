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
     * @param progress  counts the bytes as they arrive (the caller named the file and began the task)
     */
    static VersionInfo write(DocumentsClient client, String id, int version, Path target, boolean overwrite, ByteProgress progress) {
        VersionInfo[] sent = new VersionInfo[1];
        VerifiedDownload.write(target, overwrite, "choose another folder or remove it first.", out -> {
            sent[0] = client.get(id, version, progress.out(out));
            return sent[0].sha256();
        });
        return sent[0];
    }

    /** One download as a whole job: progress in bytes of {@code size}, named after the file. */
    static VersionInfo write(DocumentsClient client, String id, int version, long size, Path target, boolean overwrite,
            org.eclipse.core.runtime.IProgressMonitor monitor) {
        monitor.beginTask("Downloading " + target.getFileName(), ByteProgress.units(size));
        ByteProgress progress = new ByteProgress(monitor);
        progress.file(target.getFileName().toString(), size);
        VersionInfo v = write(client, id, version, target, overwrite, progress);
        monitor.done();
        return v;
    }
}
