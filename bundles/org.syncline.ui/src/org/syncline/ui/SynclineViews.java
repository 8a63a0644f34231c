package org.syncline.ui;

/** Ids of the shared views, for perspectives and "show view" calls in other bundles. */
public final class SynclineViews {
    public static final String SERVERS = "org.syncline.ui.views.servers";

    private SynclineViews() {
    }
}
