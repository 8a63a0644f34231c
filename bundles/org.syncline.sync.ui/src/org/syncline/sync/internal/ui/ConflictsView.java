package org.syncline.sync.internal.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.compare.CompareUI;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.UiRunner;

/**
 * The conflict copies in every pair's directory, read again after each sync. Compare shows a copy next to
 * its original; Keep Mine deletes the copy, Keep Theirs puts the copy's content into the original and deletes
 * the copy, Keep Both gives the copy a name of the user's. The pairs' engines send each change to the hub.
 */
public final class ConflictsView extends ViewPart {
    public static final String ID = "org.syncline.sync.ui.views.conflicts";

    /** A copy and the pair it is in. */
    public record Row(SyncPair pair, ConflictCopies.Copy copy) {
        String relative() {
            return Path.of(pair.localDir()).relativize(copy.file()).toString();
        }
    }

    private TableViewer viewer;
    private UiRunner ui;
    private final Runnable pairsChanged = () -> ui.execute(this::refresh);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Conflict copy", 320, Row::relative);
        column("Original", 160, r -> r.copy().original().getFileName().toString());
        column("By", 90, r -> r.copy().user());
        column("When (UTC)", 140, r -> r.copy().when());
        column("Pair", 220, r -> r.pair().localDir() + " = " + r.pair().remote());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addOpenListener(e -> compare());
        MenuManager menu = new MenuManager();
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);
        getSite().getService(IContextService.class).activateContext("org.syncline.sync.ui.conflictsContext");
        SyncPairs.instance().addListener(pairsChanged);
        refresh();
    }

    private void column(String title, int width, Function<Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(org.syncline.ui.ColumnTable.widthFor(viewer.getTable(), width, title));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }
        });
    }

    void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        List<Row> rows = rows();
        viewer.setInput(rows);
        setContentDescription(rows.isEmpty() ? "No conflict copies in the pairs." : rows.size() + (rows.size() == 1 ? " conflict copy" : " conflict copies"));
    }

    /** Every conflict copy in the pairs now. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (SyncPair p : SyncPairs.instance().pairs()) {
            ConflictCopies.find(Path.of(p.localDir())).forEach(c -> rows.add(new Row(p, c)));
        }
        return rows;
    }

    private Row selected() {
        return viewer.getStructuredSelection().getFirstElement() instanceof Row r ? r : null;
    }

    void compare() {
        Row r = selected();
        if (r != null) {
            if (!Files.exists(r.copy().original())) {
                ErrorReporter.report("Could not compare", new SynclineException(ErrorCode.NOT_FOUND,
                        "The original " + r.copy().original() + " is gone; keep the copy with Keep Both."));
                return;
            }
            CompareUI.openCompareDialog(new ConflictCompare(r.copy()));
        }
    }

    void keepMine() {
        Row r = selected();
        if (r != null) {
            act("Keep Mine", () -> keepMine(r.copy()));
        }
    }

    void keepTheirs() {
        Row r = selected();
        if (r != null) {
            act("Keep Theirs", () -> keepTheirs(r.copy()));
        }
    }

    void keepBoth() {
        Row r = selected();
        if (r == null) {
            return;
        }
        InputDialog d = new InputDialog(getSite().getShell(), "Keep Both", "New name for " + r.copy().file().getFileName() + ":",
                r.copy().file().getFileName().toString(), text -> text.isBlank() || text.contains("/") || text.contains("\\") || text.equals("..")
                        ? "Type a file name without slashes." : Files.exists(r.copy().file().resolveSibling(text)) ? "A file of that name exists." : null);
        if (d.open() == Window.OK) {
            act("Keep Both", () -> keepBoth(r.copy(), d.getValue()));
        }
    }

    private interface FileAction {
        void run() throws IOException;
    }

    private void act(String what, FileAction action) {
        try {
            action.run();
        } catch (IOException e) {
            ErrorReporter.report(what + " failed", new SynclineException(ErrorCode.STORAGE, e.getMessage() + "; nothing was changed.", e));
        }
        refresh();
    }

    /** Keeps the original: the copy goes (to the hub's trash, once the pair syncs). */
    public static void keepMine(ConflictCopies.Copy copy) throws IOException {
        Files.delete(copy.file());
    }

    /** Keeps the copy's content under the original's name, replaced at once (no program sees half a file), then deletes the copy. */
    public static void keepTheirs(ConflictCopies.Copy copy) throws IOException {
        Path tmp = Files.createTempFile(copy.original().getParent(), ".syncline-keep", ".tmp");
        try {
            Files.copy(copy.file(), tmp, StandardCopyOption.REPLACE_EXISTING);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, copy.original(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Files.delete(copy.file());
    }

    /** Keeps both: the copy gets {@code name} (in its own directory). */
    public static void keepBoth(ConflictCopies.Copy copy, String name) throws IOException {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
            throw new IOException("'" + name + "' is not a file name");
        }
        if (Files.exists(copy.file().resolveSibling(name))) {
            throw new IOException("a file named '" + name + "' exists already");
        }
        Files.move(copy.file(), copy.file().resolveSibling(name), StandardCopyOption.ATOMIC_MOVE);
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
