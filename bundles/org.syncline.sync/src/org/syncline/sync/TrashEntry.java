package org.syncline.sync;

import java.time.Instant;

/** A deleted file that can still be restored until {@code purgeAfter}. */
public record TrashEntry(String path, long revision, long size, String deletedBy, Instant deleted, Instant purgeAfter) {
}
