package org.syncline.sync;

import java.time.Instant;

/** A shared folder as one user sees it: {@code right} is that user's (read, write or manage). */
public record FolderInfo(String name, String owner, Instant created, String right, long files, long bytes) {
}
