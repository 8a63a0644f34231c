package org.syncline.documents.internal.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Servers on the left, the document browser in the middle, its selection's properties and versions below. */
public final class DocumentsPerspective implements IPerspectiveFactory {
    public static final String ID = "org.syncline.documents.ui.perspective";
    private static final String SERVERS = "org.syncline.ui.views.servers";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(SERVERS, IPageLayout.LEFT, 0.3f, layout.getEditorArea());
        layout.addView(DocumentsView.ID, IPageLayout.RIGHT, 0.25f, SERVERS);
        layout.addView(IPageLayout.ID_PROP_SHEET, IPageLayout.BOTTOM, 0.65f, DocumentsView.ID);
        layout.addView(VersionsView.ID, IPageLayout.RIGHT, 0.5f, IPageLayout.ID_PROP_SHEET);
        layout.addView(NodesView.ID, IPageLayout.BOTTOM, 0.6f, SERVERS);
        layout.addPlaceholder("org.eclipse.pde.runtime.LogView", IPageLayout.BOTTOM, 0.6f, NodesView.ID);
        layout.addShowViewShortcut(DocumentsView.ID);
        layout.addShowViewShortcut(VersionsView.ID);
        layout.addShowViewShortcut(NodesView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(SERVERS);
        layout.addPerspectiveShortcut(ID);
    }
}
