package org.syncline.sync.internal.ui;

import org.eclipse.ui.IStartup;

/** Loads the pairs when the workbench starts, so each syncs as soon as its server is connected. */
public final class SyncStartup implements IStartup {
    @Override
    public void earlyStartup() {
        SyncPairs.instance();
    }
}
