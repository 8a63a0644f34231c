package org.syncline.workbench.internal;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sync.client.SyncClient;

/** What the hub holds of a file, asked the way a second client would. */
final class HubRevisions {
    private HubRevisions() {
    }

    /** How many revisions the hub has of {@code path} in {@code folder} (none: the hub says there is no such file). */
    static int of(SyncClient hub, String folder, String path) {
        try {
            return hub.history(folder, path).size();
        } catch (SynclineException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            return 0;
        }
    }
}
