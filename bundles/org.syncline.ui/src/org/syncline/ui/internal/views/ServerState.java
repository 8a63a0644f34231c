package org.syncline.ui.internal.views;

import org.syncline.ui.SynclineImages;

/** How the workbench's link to a server stands, with the words and icon the Servers view shows for it. */
public enum ServerState {
    CONNECTED("Connected", SynclineImages.SERVER_CONNECTED),
    CONNECTING("Connecting", SynclineImages.SERVER_CONNECTING),
    /** The connection dropped; the client retries with backoff. */
    RECONNECTING("Reconnecting", SynclineImages.SERVER_CONNECTING),
    DISCONNECTED("Disconnected", SynclineImages.SERVER_DISCONNECTED);

    private final String label;
    private final String imageKey;

    ServerState(String label, String imageKey) {
        this.label = label;
        this.imageKey = imageKey;
    }

    public String label() {
        return label;
    }

    public String imageKey() {
        return imageKey;
    }
}
