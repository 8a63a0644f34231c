package org.syncline.ui.internal.views;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.syncline.ui.SynclineViews;
import org.syncline.ui.UiRunner;

/** Lists the servers the workbench knows, with their state, version, uptime, sessions and roles. */
public final class ServersView extends ViewPart {
    public static final String ID = SynclineViews.SERVERS;

    private static final int MIN_COLUMN_WIDTH = 60;

    // Empty until connections are wired in; the view never shows rows it did not get from a server.
    private final ServerList servers = new ServerList();
    private TableViewer viewer;

    @Override
    public void createPartControl(Composite parent) {
        // TableColumnLayout needs the table alone in its composite to share the width out by weight.
        Composite tableArea = new Composite(parent, SWT.NONE);
        TableColumnLayout columnLayout = new TableColumnLayout();
        tableArea.setLayout(columnLayout);

        viewer = new TableViewer(tableArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (ServerColumn column : ServerColumn.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, column.alignment());
            viewerColumn.getColumn().setText(column.title());
            viewerColumn.setLabelProvider(column.labelProvider());
            columnLayout.setColumnData(viewerColumn.getColumn(),
                    new ColumnWeightData(column.weight(), MIN_COLUMN_WIDTH));
        }
        viewer.setContentProvider(new ServerListContentProvider(new UiRunner(parent.getDisplay())));
        viewer.setInput(servers);
        getSite().setSelectionProvider(viewer);
    }

    /** The rows this view shows; connections update it from any thread. */
    public ServerList servers() {
        return servers;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
