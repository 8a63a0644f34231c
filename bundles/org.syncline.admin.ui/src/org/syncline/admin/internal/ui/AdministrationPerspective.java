package org.syncline.admin.internal.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Servers on the left; the selected server's users, its groups below them, and the Properties view on the right. */
public final class AdministrationPerspective implements IPerspectiveFactory {
    public static final String ID = "org.syncline.admin.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView("org.syncline.ui.views.servers", IPageLayout.LEFT, 0.42f, layout.getEditorArea());
        layout.addView(UsersView.ID, IPageLayout.RIGHT, 0.35f, "org.syncline.ui.views.servers");
        layout.addView(IPageLayout.ID_PROP_SHEET, IPageLayout.BOTTOM, 0.7f, UsersView.ID);
        // below the users, so the users' groups and the groups' members are in sight together
        layout.addView(GroupsView.ID, IPageLayout.BOTTOM, 0.55f, UsersView.ID);
        layout.addPlaceholder("org.eclipse.pde.runtime.LogView", IPageLayout.RIGHT, 0.5f, IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(UsersView.ID);
        layout.addShowViewShortcut(GroupsView.ID);
        layout.addShowViewShortcut("org.syncline.ui.views.servers");
        layout.addPerspectiveShortcut(ID);
    }
}
