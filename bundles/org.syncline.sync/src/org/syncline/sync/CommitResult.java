package org.syncline.sync;

import java.util.List;

/** What a commit did, change by change, and the folder's cursor after it. */
public record CommitResult(List<Committed> files, long cursor) {
    /**
     * One committed path. {@code conflict}: the content went to {@code path}, a conflict copy, because
     * {@code requestedPath} had changed since the client's base; {@code skipped}: a delete of a file that had
     * changed since, so the newer content was kept.
     */
    public record Committed(String path, String requestedPath, long revision, boolean deleted, boolean conflict, boolean skipped) {
    }
}
