package org.syncline.sync;

import java.util.List;

/**
 * What a commit did, change by change, and the folder's cursor after it. {@code folderBefore}: the cursor of the
 * folder's last change before this commit (0: none); a client whose cursor is at or past it knows nobody else changed
 * the folder in between, so its cursor may move to {@code cursor} without reading its own commit back.
 */
public record CommitResult(List<Committed> files, long cursor, long folderBefore) {
    /**
     * One committed path. {@code conflict}: the content went to {@code path}, a conflict copy, because
     * {@code requestedPath} had changed since the client's base; {@code skipped}: a delete of a file that had
     * changed since, so the newer content was kept.
     */
    public record Committed(String path, String requestedPath, long revision, boolean deleted, boolean conflict, boolean skipped) {
    }
}
