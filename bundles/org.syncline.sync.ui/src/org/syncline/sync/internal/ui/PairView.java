package org.syncline.sync.internal.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.sync.client.SyncClient;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * A table about the folder of the pair selected in the Sync Folders view, read again whenever the hub
 * pushes a commit to that folder. Subclasses say what rows they read and how they show them.
 */
abstract class PairView<T> extends ViewPart {
    protected TableViewer viewer;
    protected UiRunner ui;
    protected SyncPair pair;
    /** A read of the rows is under way; UI thread only. */
    private boolean reading;
    /** Something changed while it ran: read once more when it ends. */
    private boolean readAgain;
    private final ISelectionListener selectionChanged = (part, selection) -> {
        if (selection instanceof IStructuredSelection s && s.size() == 1 && s.getFirstElement() instanceof SyncPair p) {
            follow(p);
        }
    };
    private final BiConsumer<String, Long> pushed = (folder, cursor) -> ui.execute(() -> {
        if (pair != null && pair.folder().equals(folder)) {
            refresh();
        }
    });

    /** The connected server the rows were read from; null while it is not connected. UI thread only. */
    private ConnectedServer shown;
    /**
     * The pair's server connects or goes (or another is selected): when its connection is not the one the rows came
     * from, they are read again, or the view says it is not connected. Before, a view that followed a pair while the
     * workbench was still connecting said "not connected" until the next push, and one whose server went kept its
     * rows.
     */
    private final Runnable serversChanged = () -> ui.execute(() -> {
        if (pair != null && server() != shown) {
            refresh();
        }
    });

    /** Reads the rows on a job's thread. */
    protected abstract List<T> read(SyncClient client, SyncPair p);

    protected abstract String describe(SyncPair p, List<T> rows);

    protected abstract String context();

    protected void createTop(Composite parent) {
        // no controls above the table by default
    }

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        Composite c = new Composite(parent, SWT.NONE);
        org.eclipse.jface.layout.GridLayoutFactory.fillDefaults().applyTo(c);
        createTop(c);
        // virtual: a trash of 100,000 deleted files makes items only for the rows in sight
        viewer = new TableViewer(c, SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER | SWT.VIRTUAL);
        viewer.setUseHashlookup(true);
        org.eclipse.jface.layout.GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        createColumns();
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        MenuManager menu = new MenuManager();
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);
        getSite().getService(IContextService.class).activateContext(context());
        getSite().getPage().addSelectionListener(SyncFoldersView.ID, selectionChanged);
        SyncClients.addListener(pushed);
        Servers.addListener(serversChanged);
        List<SyncPair> pairs = SyncPairs.instance().pairs();
        if (getSite().getPage().getSelection(SyncFoldersView.ID) instanceof IStructuredSelection s && s.getFirstElement() instanceof SyncPair p) {
            follow(p);
        } else if (pairs.size() == 1) {
            follow(pairs.get(0)); // nothing to choose from
        } else {
            setContentDescription("Select a pair in the Sync Folders view.");
        }
    }

    protected abstract void createColumns();

    protected void column(String title, int width, Function<T, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(org.syncline.ui.ColumnTable.widthFor(viewer.getTable(), width, title));
        c.setLabelProvider(new ColumnLabelProvider() {
            @SuppressWarnings("unchecked")
            @Override
            public String getText(Object element) {
                return text.apply((T) element);
            }
        });
    }

    /** Shows the folder of {@code p}. */
    public void follow(SyncPair p) {
        pair = p;
        refresh();
    }

    /** The server of the followed pair, when connected. */
    protected ConnectedServer server() {
        return pair == null ? null : SyncClients.server(pair.server()).orElse(null);
    }

    /**
     * Reads the rows again. One read runs at a time: pushes that come while it runs (a pair syncing commits often)
     * make one more read after it, not one each.
     */
    void refresh() {
        SyncPair p = pair;
        if (p == null || viewer.getControl().isDisposed()) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        ConnectedServer s = server();
        shown = s;
        if (s == null) {
            viewer.setInput(List.of());
            setContentDescription(p.server() + " is not connected.");
            return;
        }
        reading = true;
        Object scope = scope();
        ServerJob.schedule("Reading " + getPartName() + " of " + p.remote(), m -> {
            List<T> rows = null;
            try {
                rows = read(SyncClients.of(s), p);
            } finally {
                List<T> read = rows; // null: the read failed, and the job reports why
                ui.execute(() -> readDone(p, scope, read));
            }
        });
    }

    /**
     * What else than the pair the rows depend on (the History view's file), or null; rows read for another scope than
     * the one now shown are not shown, they are read again.
     */
    protected Object scope() {
        return null;
    }

    private void readDone(SyncPair p, Object scope, List<T> rows) {
        reading = false;
        if (viewer.getControl().isDisposed()) {
            return;
        }
        boolean current = pair == p && java.util.Objects.equals(scope, scope());
        if (rows != null && current) {
            viewer.setInput(rows);
            setContentDescription(describe(p, rows));
        }
        if (readAgain || !current) {
            readAgain = false;
            refresh();
        }
    }

    /** The path in the folder a row is about, for Show History; null for rows about no one file. */
    protected String pathOf(T row) {
        return null;
    }

    /** Shows the History view on the file of the one selected row (Show History, Ctrl+Shift+H). */
    public void showHistory() {
        List<T> chosen = selectedRows();
        String path = chosen.size() == 1 ? pathOf(chosen.get(0)) : null;
        if (pair == null || path == null) {
            return;
        }
        try {
            HistoryView.open(getSite().getPage(), pair, path);
        } catch (org.eclipse.ui.PartInitException e) {
            throw new IllegalStateException("The History view cannot be opened", e);
        }
    }

    @SuppressWarnings("unchecked")
    protected List<T> selectedRows() {
        return (List<T>) viewer.getStructuredSelection().toList();
    }

    /** The rows shown now. */
    @SuppressWarnings("unchecked")
    public List<T> rows() {
        return viewer.getInput() instanceof List<?> l ? (List<T>) l : List.of();
    }

    /** How many rows the table has (made or, being virtual, not yet). */
    public int tableItemCount() {
        return viewer.getTable().getItemCount();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(SyncFoldersView.ID, selectionChanged);
        SyncClients.removeListener(pushed);
        Servers.removeListener(serversChanged);
        super.dispose();
    }
}
