package org.syncline.distribution.internal.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.syncline.distribution.internal.ui.jobs.JobLogView;
import org.syncline.distribution.internal.ui.jobs.JobsView;
import org.syncline.distribution.internal.ui.monitor.AlertsView;
import org.syncline.distribution.internal.ui.monitor.OutboxView;
import org.syncline.distribution.internal.ui.monitor.MonitorView;
import org.syncline.ui.SynclineViews;

/**
 * The layout of the original admin tool: the topology tree on the left, the editor in the middle with the
 * Properties view beside it, Monitor, Alerts, Jobs and Job Log below.
 */
public final class DistributionPerspective implements IPerspectiveFactory {
    public static final String ID = "org.syncline.distribution.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        layout.addView(TopologyView.ID, IPageLayout.LEFT, 0.22f, editors);
        layout.addView(SynclineViews.SERVERS, IPageLayout.BOTTOM, 0.7f, TopologyView.ID);
        layout.addView(IPageLayout.ID_PROP_SHEET, IPageLayout.RIGHT, 0.7f, editors);
        IFolderLayout below = layout.createFolder("org.syncline.distribution.ui.monitoring", IPageLayout.BOTTOM, 0.58f, editors);
        below.addView(MonitorView.ID);
        below.addView(AlertsView.ID);
        below.addView(OutboxView.ID);
        below.addView(JobsView.ID);
        below.addView(JobLogView.ID);
        below.addPlaceholder("org.eclipse.pde.runtime.LogView");
        layout.addShowViewShortcut(TopologyView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(SynclineViews.SERVERS);
        layout.addShowViewShortcut(MonitorView.ID);
        layout.addShowViewShortcut(AlertsView.ID);
        layout.addShowViewShortcut(OutboxView.ID);
        layout.addShowViewShortcut(JobsView.ID);
        layout.addShowViewShortcut(JobLogView.ID);
        layout.addPerspectiveShortcut(ID);
    }
}
