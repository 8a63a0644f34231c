package org.syncline.distribution.internal.ui.monitor;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.part.ViewPart;
import org.syncline.distribution.Alert;
import org.syncline.ui.Formats;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The master's alerts, open and cleared, as they are raised and cleared (pushed): rule, server, raised,
 * cleared, message. Any column sorts by a click on its header (again: the other way); "Active only" hides
 * the cleared ones.
 */
public final class AlertsView extends ViewPart implements LiveMonitoring.Listener {
    public static final String ID = "org.syncline.distribution.ui.views.alerts";

    private record Column(String title, int width, Function<Alert, String> text, Comparator<Alert> order) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Rule", 220, Alert::rule, Comparator.comparing(Alert::rule)),
            new Column("Server", 120, Alert::target, Comparator.comparing(Alert::target)),
            new Column("Raised", 150, a -> Formats.time(a.raisedAt()), Comparator.comparing(Alert::raisedAt)),
            new Column("Cleared", 150, a -> a.isOpen() ? "(active)" : Formats.time(a.clearedAt()),
                    Comparator.comparing(a -> a.isOpen() ? Instant.MAX : a.clearedAt())),
            new Column("Message", 400, Alert::message, Comparator.comparing(Alert::message)));

    private UiRunner ui;
    private TableViewer viewer;
    private Button activeOnly;
    private LiveMonitoring live;
    private int sortColumn = 2;
    private boolean ascending;
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        activeOnly = new Button(parent, SWT.CHECK);
        activeOnly.setText("&Active only");
        activeOnly.addListener(SWT.Selection, e -> refresh());
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column c = COLUMNS.get(i);
            TableViewerColumn col = new TableViewerColumn(viewer, SWT.LEFT);
            col.getColumn().setText(c.title());
            col.getColumn().setWidth(org.syncline.ui.ColumnTable.widthFor(table, c.width(), c.title()));
            col.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object o) {
                    return c.text().apply((Alert) o);
                }
            });
            int index = i;
            col.getColumn().addListener(SWT.Selection, e -> sortBy(index));
        }
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                int c = COLUMNS.get(sortColumn).order().compare((Alert) a, (Alert) b);
                return ascending ? c : -c;
            }
        });
        showSort();
        getSite().setSelectionProvider(viewer);
        Servers.addListener(serversChanged);
        serverMaybeChanged();
    }

    private void serverMaybeChanged() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        live = LiveMonitoring.follow(live, this);
        refresh();
    }

    /** Sorts by the column at {@code index}; the same column again reverses the order. */
    public void sortBy(int index) {
        ascending = index == sortColumn ? !ascending : true;
        sortColumn = index;
        showSort();
        viewer.refresh();
    }

    private void showSort() {
        Table t = viewer.getTable();
        TableColumn c = t.getColumn(sortColumn);
        t.setSortColumn(c);
        t.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
    }

    public void setActiveOnly(boolean only) {
        activeOnly.setSelection(only);
        refresh();
    }

    @Override
    public void changed() {
        refresh();
    }

    private void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        if (live == null) {
            setContentDescription("Connect to a server with the master role to see its alerts.");
            viewer.setInput(List.of());
            return;
        }
        if (live.problem() != null) {
            setContentDescription(live.problem());
            viewer.setInput(List.of());
            return;
        }
        List<Alert> all = live.alerts();
        long open = all.stream().filter(Alert::isOpen).count();
        viewer.setInput(activeOnly.getSelection() ? all.stream().filter(Alert::isOpen).toList() : all);
        setContentDescription(open + " active, " + (all.size() - open) + " cleared, on " + live.server().label());
    }

    /** The rows as shown (sorted, filtered), each as its columns' texts. */
    public List<List<String>> rows() {
        Table t = viewer.getTable();
        return java.util.Arrays.stream(t.getItems())
                .map(item -> java.util.stream.IntStream.range(0, COLUMNS.size()).mapToObj(item::getText).toList()).toList();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        Servers.removeListener(serversChanged);
        if (live != null) {
            live.removeListener(this);
        }
        super.dispose();
    }
}
