package org.syncline.sync.internal.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Servers on the left, the pairs in the middle, the selected pair's history, trash, activity and conflict copies
 * below with the shared folders and the users (for admins). The editor area, hidden at first, shows user editors.
 */
public final class SyncPerspective implements IPerspectiveFactory {
    public static final String ID = "org.syncline.sync.ui.perspective";
    private static final String SERVERS = "org.syncline.ui.views.servers";
    private static final String USERS = "org.syncline.admin.ui.views.users";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(SERVERS, IPageLayout.LEFT, 0.25f, layout.getEditorArea());
        layout.addView(SyncFoldersView.ID, IPageLayout.RIGHT, 0.25f, SERVERS);
        var bottom = layout.createFolder("org.syncline.sync.ui.bottom", IPageLayout.BOTTOM, 0.55f, SyncFoldersView.ID);
        bottom.addView(HistoryView.ID);
        bottom.addView(TrashView.ID);
        bottom.addView(ActivityView.ID);
        bottom.addView(ConflictsView.ID);
        bottom.addView(SharedFoldersView.ID);
        // the admin capability's Users view: Enter on a user opens the user editor, with the sync quota
        bottom.addView(USERS);
        layout.addPlaceholder("org.eclipse.pde.runtime.LogView", IPageLayout.BOTTOM, 0.6f, SERVERS);
        for (String id : new String[] { SyncFoldersView.ID, HistoryView.ID, TrashView.ID, ActivityView.ID, ConflictsView.ID, SharedFoldersView.ID, USERS, SERVERS }) {
            layout.addShowViewShortcut(id);
        }
        layout.addPerspectiveShortcut(ID);
    }
}
