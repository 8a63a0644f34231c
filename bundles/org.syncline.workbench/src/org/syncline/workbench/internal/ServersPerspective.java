package org.syncline.workbench.internal;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.syncline.ui.SynclineViews;

/** The first perspective users see: the servers they work with, and room below for the Error Log. */
public final class ServersPerspective implements IPerspectiveFactory {
    public static final String ID = "org.syncline.workbench.perspective.servers";
    /** Declared by org.eclipse.ui.views.log; the id dates from its PDE origins. */
    public static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    private static final float SERVERS_SHARE = 0.7f;

    @Override
    public void createInitialLayout(IPageLayout layout) {
        // Nothing edits documents here yet; the views take the whole window.
        layout.setEditorAreaVisible(false);
        layout.addView(SynclineViews.SERVERS, IPageLayout.TOP, SERVERS_SHARE, layout.getEditorArea());
        layout.addPlaceholder(ERROR_LOG_VIEW, IPageLayout.BOTTOM, SERVERS_SHARE, SynclineViews.SERVERS);
        layout.addShowViewShortcut(SynclineViews.SERVERS);
        layout.addShowViewShortcut(ERROR_LOG_VIEW);
        layout.addPerspectiveShortcut(ID);
    }
}
