package org.syncline.distribution.internal.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.syncline.ui.SynclineViews;

/** The layout of the original admin tool: the topology tree on the left, the editor in the middle, properties below. */
public final class DistributionPerspective implements IPerspectiveFactory {
    public static final String ID = "org.syncline.distribution.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        layout.addView(TopologyView.ID, IPageLayout.LEFT, 0.22f, editors);
        layout.addView(SynclineViews.SERVERS, IPageLayout.BOTTOM, 0.7f, TopologyView.ID);
        layout.addView(IPageLayout.ID_PROP_SHEET, IPageLayout.BOTTOM, 0.72f, editors);
        layout.addPlaceholder("org.eclipse.pde.runtime.LogView", IPageLayout.RIGHT, 0.5f, IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(TopologyView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(SynclineViews.SERVERS);
        layout.addPerspectiveShortcut(ID);
    }
}
