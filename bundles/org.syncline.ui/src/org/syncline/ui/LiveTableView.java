package org.syncline.ui;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.part.ViewPart;

/**
 * A view of a {@link LiveList} of the server selected in the Servers view: a {@link ColumnTable} of its rows, or in
 * its place the sentence why there are none; it follows the selected server as it connects, reconnects and
 * changes, and shows the list again when the list tells it that it changed.
 *
 * @param <R> one row
 * @param <X> the list (the concrete view implements its listener)
 */
public abstract class LiveTableView<R, X extends LiveList<?, R, ?>> extends ViewPart {
    private NotePane pane;
    private ColumnTable<R> table;
    private X live;
    private UiRunner ui;
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);

    @Override
    public final void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        GridLayoutFactory.fillDefaults().applyTo(parent);
        pane = new NotePane(parent);
        table = createTable(pane.area());
        table.viewer().addSelectionChangedListener(e -> updateActions());
        table.viewer().getControl().addListener(SWT.KeyDown, this::key);
        getSite().setSelectionProvider(table.viewer());
        createActions();
        updateActions();
        Servers.addListener(serversChanged);
        serverMaybeChanged();
    }

    /** The table of the rows, in {@code parent}. */
    protected abstract ColumnTable<R> createTable(Composite parent);

    /** The toolbar and context menu; the table exists. */
    protected abstract void createActions();

    /** Enables the actions for the selection and the state of the list. */
    protected abstract void updateActions();

    /** A key pressed in the table; set {@code e.doit} false for one that was used. */
    protected abstract void key(Event e);

    /** {@code LiveX.follow(current, this)}: the list of the selected server, with this view listening to it. */
    protected abstract X follow(X current);

    /** Shows the list as it is now: {@link #show} with its rows or why there are none. */
    protected abstract void showList();

    /** Shows the list again unless the view is gone; the view's listener methods call it. */
    protected final void listChanged() {
        if (!pane.isDisposed()) {
            showList();
        }
    }

    private void serverMaybeChanged() {
        if (pane.isDisposed()) {
            return;
        }
        live = follow(live);
        listChanged();
    }

    /** The list of the selected server; null while none is connected. */
    protected final X live() {
        return live;
    }

    protected final ColumnTable<R> table() {
        return table;
    }

    /**
     * Shows {@code rows}, or {@code why} there are none in their place (null: the rows show, and {@code description}
     * says what they are above them).
     */
    protected final void show(String why, List<R> rows, Supplier<String> description) {
        table.setRows(rows);
        if (why != null) {
            pane.note(why);
            setContentDescription("");
        } else {
            pane.show(table.viewer().getControl());
            setContentDescription(description.get());
        }
        updateActions();
    }

    // --- for tests

    /** The rows as shown (sorted), each as its columns' texts. */
    public List<List<String>> rows() {
        return table.texts();
    }

    /** The sentence shown instead of the table, or null while the table shows. */
    public String emptyText() {
        return pane.note();
    }

    @Override
    public void setFocus() {
        table.viewer().getControl().setFocus();
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
