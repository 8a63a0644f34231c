package org.syncline.ui.internal.views;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.syncline.ui.internal.servers.ServerConnections;

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

    // Rows come only from the servers the user added and what they reported.
    private final ServerList servers = ServerConnections.instance().rows();
    private TableViewer viewer;
    private Composite tableArea;
    private TableColumnLayout columnLayout;
    private Runnable fitColumns;

    @Override
    public void createPartControl(Composite parent) {
        // TableColumnLayout needs the table alone in its composite to share the width out by weight.
        tableArea = new Composite(parent, SWT.NONE);
        columnLayout = new TableColumnLayout();
        tableArea.setLayout(columnLayout);

        viewer = new TableViewer(tableArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (ServerColumn column : ServerColumn.values()) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, column.alignment());
            viewerColumn.getColumn().setText(column.title());
            viewerColumn.setLabelProvider(column.labelProvider());
        }
        fitColumns();
        // Rows are records rebuilt on every update; identity is the server's name, so selection survives.
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof ServerRow ra && b instanceof ServerRow rb ? ra.name().equals(rb.name()) : a == b;
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof ServerRow r ? r.name().hashCode() : element.hashCode();
            }
        });
        viewer.setContentProvider(new ServerListContentProvider(new UiRunner(parent.getDisplay())));
        viewer.setInput(servers);
        UiRunner ui = new UiRunner(parent.getDisplay());
        fitColumns = () -> ui.execute(() -> {
            if (!tableArea.isDisposed()) {
                fitColumns();
                tableArea.layout(true);
            }
        });
        servers.addListener(fitColumns);
        getSite().setSelectionProvider(viewer);
        viewer.addSelectionChangedListener(e -> {
            Object first = viewer.getStructuredSelection().getFirstElement();
            if (first instanceof ServerRow r) {
                ServerConnections.instance().select(r.name());
            }
        });
        // Commands contribute to this menu through plugin.xml (popup:org.syncline.ui.views.servers).
        MenuManager menu = new MenuManager();
        menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
    }

    /** The rows this view shows; connections update it from any thread. */
    public ServerList servers() {
        return servers;
    }

    /**
     * Gives each column at least the width of its title and of the values it shows now, in the table's font:
     * weights alone cut a narrow view's rows to "admin@12" and "Conne". The weights share out what is left, and
     * a view narrower than the columns scrolls sideways.
     */
    private void fitColumns() {
        Table table = viewer.getTable();
        java.util.List<ServerRow> rows = servers.rows();
        ServerColumn[] columns = ServerColumn.values();
        for (int i = 0; i < columns.length; i++) {
            ServerColumn column = columns[i];
            String[] values = rows.stream().map(column::text).toArray(String[]::new);
            int minimum = org.syncline.ui.ColumnTable.widthFor(table, MIN_COLUMN_WIDTH, column.title(), values)
                    + column.imageWidth();
            columnLayout.setColumnData(table.getColumn(i), new ColumnWeightData(column.weight(), minimum));
        }
    }

    @Override
    public void dispose() {
        if (fitColumns != null) {
            servers.removeListener(fitColumns);
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
