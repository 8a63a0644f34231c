package org.syncline.sync.internal.ui;

/**
 * One local directory kept in step with one folder on one server ({@code server} is user@host:port as the Servers
 * view shows it). A local directory belongs to one pair only; {@code paused} survives a restart.
 */
public record SyncPair(String server, String localDir, String folder, boolean paused) {
    SyncPair withPaused(boolean p) {
        return new SyncPair(server, localDir, folder, p);
    }

    /** "user@host:port/folder", as the view shows the remote side. */
    public String remote() {
        return server + "/" + folder;
    }
}
