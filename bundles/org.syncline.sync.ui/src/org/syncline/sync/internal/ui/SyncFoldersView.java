package org.syncline.sync.internal.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.sync.FolderInfo;
import org.syncline.sync.client.SyncClient;
import org.syncline.ui.Coalescer;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.UiRunner;

/**
 * The pairs this workbench syncs (local directory = server/folder) with their state, what moved and when
 * they last synced. It redraws when told: a pair added, removed or synced, an engine's state changing
 * (syncing, offline) or a file moving. A burst of such events makes one redraw.
 */
public final class SyncFoldersView extends ViewPart {
    public static final String ID = "org.syncline.sync.ui.views.folders";
    static final String CONTEXT = "org.syncline.sync.ui.foldersContext";

    private TableViewer viewer;
    private TableColumnLayout columns;
    private UiRunner ui;
    private Map<String, SyncPairs.Status> status = new HashMap<>();
    private Coalescer nextSecond;
    private final java.util.concurrent.atomic.AtomicBoolean redrawPending = new java.util.concurrent.atomic.AtomicBoolean();
    private final Runnable pairsChanged = () -> {
        if (redrawPending.compareAndSet(false, true)) {
            ui.execute(() -> {
                redrawPending.set(false);
                refresh();
            });
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        // the columns share the view's width by weight (fixed widths ran past a 1,000-pixel view and cut Progress off);
        // TableColumnLayout needs the table alone in its composite
        Composite tableArea = new Composite(parent, SWT.NONE);
        columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        nextSecond = new Coalescer(viewer.getControl(), 1000, this::refresh);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Local directory", 20, 120, p -> p.localDir());
        column("Server / folder", 20, 120, SyncPair::remote);
        // room for "offline since 14:32 (connection refused, retrying in 16 s)" when the view is wide
        column("State", 24, 160, p -> status(p, SyncPairs.Status::state));
        column("Progress", 20, 120, p -> status(p, SyncPairs.Status::progress));
        column("Last sync", 16, 150, p -> status(p, s -> s.lastSync() == null ? "never" : Formats.time(s.lastSync())));
        viewer.setComparer(new IElementComparer() {
            // A pair is the same row while its directory is (pausing changes the record); the viewer also
            // compares its input (the list) with this comparer.
            @Override
            public boolean equals(Object a, Object b) {
                return a instanceof SyncPair x && b instanceof SyncPair y ? x.localDir().equals(y.localDir()) : java.util.Objects.equals(a, b);
            }

            @Override
            public int hashCode(Object element) {
                return element instanceof SyncPair p ? p.localDir().hashCode() : java.util.Objects.hashCode(element);
            }
        });
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.addOpenListener(e -> openFolder());
        MenuManager menu = new MenuManager();
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        SyncPairs.instance().addListener(pairsChanged);
        refresh();
    }

    private String status(SyncPair p, Function<SyncPairs.Status, String> text) {
        SyncPairs.Status s = status.get(p.localDir());
        return s == null ? "" : text.apply(s);
    }

    private void column(String title, int weight, int minimumWidth, Function<SyncPair, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        columns.setColumnData(c.getColumn(), new ColumnWeightData(weight, minimumWidth));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SyncPair) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return status((SyncPair) element, s -> s.lastLine());
            }
        });
    }

    void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Map<String, SyncPairs.Status> now = new HashMap<>();
        List<SyncPair> pairs = SyncPairs.instance().status().stream().peek(s -> now.put(s.pair().localDir(), s)).map(SyncPairs.Status::pair).toList();
        status = now;
        List<?> shown = viewer.getInput() instanceof List<?> l ? l : List.of();
        if (shown.equals(pairs)) {
            viewer.refresh(true);
        } else {
            viewer.setInput(pairs);
        }
        countDown(now.values());
        int n = pairs.size();
        // limits set on the preference page explain a slow sync: said where the pairs are counted
        String limits = SyncPreferences.describeLimits(SyncPreferences.current());
        setContentDescription(n == 0 ? "No pairs yet: Add Pair (Ctrl+N) keeps a local directory in step with a server folder."
                : n + (n == 1 ? " pair" : " pairs") + (limits.isEmpty() ? "" : "; " + limits + " (Window > Preferences > Sync)"));
    }

    /**
     * An offline row counts down to its server's next attempt ("retrying in 5 s"), which no event announces: while
     * one does, the view redraws once a second.
     */
    private void countDown(java.util.Collection<SyncPairs.Status> shown) {
        if (shown.stream().anyMatch(s -> s.state().contains("retrying in"))) {
            nextSecond.request();
        }
    }

    /** The state text the view shows for the pair of that local directory ("up to date", "paused", ...). */
    public String stateOf(Path localDir) {
        refresh();
        SyncPairs.Status s = status.get(localDir.toAbsolutePath().normalize().toString());
        return s == null ? null : s.state();
    }

    /** The text of the row of that local directory as the table shows it, one string per column; null when there is no such row. */
    public java.util.List<String> rowOf(Path localDir) {
        refresh();
        Table table = viewer.getTable();
        for (org.eclipse.swt.widgets.TableItem item : table.getItems()) {
            if (item.getData() instanceof SyncPair p && p.localDir().equals(localDir.toAbsolutePath().normalize().toString())) {
                java.util.List<String> texts = new java.util.ArrayList<>();
                for (int i = 0; i < table.getColumnCount(); i++) {
                    texts.add(item.getText(i));
                }
                return texts;
            }
        }
        return null;
    }

    SyncPair selected() {
        return viewer.getStructuredSelection().getFirstElement() instanceof SyncPair p ? p : null;
    }

    void addPair() {
        AddPairDialog dialog = new AddPairDialog(getSite().getShell());
        if (dialog.open() == Window.OK) {
            addPair(dialog.server(), dialog.localDir(), dialog.folder());
        }
    }

    /** What Add Pair does once the dialog is answered: creates the folder when the server lacks it, then adds the pair. */
    public Job addPair(ConnectedServer server, Path localDir, String folder) {
        return ServerJob.schedule("Adding the pair " + localDir + " = " + server.label() + "/" + folder, m -> {
            SyncClient client = SyncClients.of(server);
            if (client.list().stream().map(FolderInfo::name).noneMatch(folder::equals)) {
                client.create(folder);
            }
            SyncPairs.instance().add(new SyncPair(server.label(), localDir.toAbsolutePath().toString(), folder, false));
        });
    }

    void removePair() {
        SyncPair p = selected();
        if (p != null && org.eclipse.jface.dialogs.MessageDialog.openConfirm(getSite().getShell(), "Remove Pair",
                "Stop syncing " + p.localDir() + " with " + p.remote() + "?\n\nNo file is deleted, here or on the server.")) {
            SyncPairs.instance().remove(p);
        }
    }

    void togglePause() {
        SyncPair p = selected();
        if (p == null) {
            return;
        }
        SyncPair current = SyncPairs.instance().pairs().stream().filter(x -> x.localDir().equals(p.localDir())).findFirst().orElse(p);
        if (current.paused()) {
            SyncPairs.instance().resume(current);
        } else {
            SyncPairs.instance().pause(current);
        }
    }

    void syncNow() {
        SyncPair p = selected();
        if (p != null) {
            SyncPairs.instance().syncNow(p);
        }
    }

    void openFolder() {
        SyncPair p = selected();
        if (p != null) {
            Program.launch(p.localDir());
        }
    }

    void showWarnings() {
        SyncPair p = selected();
        if (p != null) {
            new WarningsDialog(getSite().getShell(), p.localDir() + " = " + p.remote(), warningsOf(Path.of(p.localDir()))).open();
        }
    }

    /** The warnings the engine of the pair of that local directory gave since it started (none while it has no engine). */
    public java.util.List<String> warningsOf(Path localDir) {
        refresh();
        SyncPairs.Status s = status.get(localDir.toAbsolutePath().normalize().toString());
        return s == null ? java.util.List.of() : s.warnings();
    }

    static String time(Instant t) {
        return Formats.time(t);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        SyncPairs.instance().removeListener(pairsChanged);
        super.dispose();
    }
}
