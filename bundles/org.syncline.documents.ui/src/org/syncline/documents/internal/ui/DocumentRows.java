package org.syncline.documents.internal.ui;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Table;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.UiRunner;

/**
 * The browser's rows, fetched from the server a page at a time as they scroll into view: the table holds
 * only as many rows as the server counts, and only the pages of rows in the table's visible area are asked
 * for. GTK also asks a virtual table for rows far outside the view (to measure them); those get the
 * {@link #LOADING} placeholder and cost no fetch. At most {@value #PAGES_HELD} pages are held (the least
 * recently used go first), so scrolling through 100,000 documents stays flat. Sorting and filtering are the
 * server's (a new query), never done here. Everything but the fetch itself runs on the UI thread.
 */
final class DocumentRows implements ILazyContentProvider {
    static final int PAGE_SIZE = 200;
    /** Pages held at most: many times what a screen shows, and 4,000 documents' metadata. */
    static final int PAGES_HELD = 20;
    /** How long the table's top row must stay put before the rows in view are asked for. */
    static final int SETTLE_MILLIS = 60;
    /** What a row shows while its page is not here (yet): it has no document, so nothing acts on it. */
    static final Object LOADING = new Object() {
        @Override
        public String toString() {
            return "…";
        }
    };

    private final TableViewer viewer;
    private final UiRunner ui;
    private final Runnable changed;
    private final Runnable selectedRowReplaced;
    /** The pages held, least recently used first. */
    private final Map<Integer, List<DocumentInfo>> pages = new LinkedHashMap<>(32, 0.75f, true);
    private final Set<Integer> loading = new HashSet<>();
    /** The rows given a document of a page held: they let go of it when their page goes. */
    private final BitSet filled = new BitSet();
    /** Every page asked of the server since the view opened, in order (for tests: what scrolling and sorting cost). */
    private final List<Integer> asked = new ArrayList<>();
    private ConnectedServer server;
    private DocumentQuery query = DocumentQuery.all();
    private long total;
    private int generation;
    /** The pages shown are from an earlier query: keep showing them until the new query's first page arrives. */
    private boolean stale;
    private boolean toTop;
    /** A look at the rows in view is due once the table rests. */
    private boolean settling;
    /** The selection is to be said again (a selected row got another version of its document). */
    private boolean selectionSayPending;

    /**
     * @param changed runs on the UI thread when the total or the server changes
     * @param selectedRowReplaced runs on the UI thread when a selected row shows another version of its document
     */
    DocumentRows(TableViewer viewer, UiRunner ui, Runnable changed, Runnable selectedRowReplaced) {
        this.viewer = viewer;
        this.ui = ui;
        this.changed = changed;
        this.selectedRowReplaced = selectedRowReplaced;
        Table table = viewer.getTable();
        // rows come into view by scrolling (bar, wheel, keys), by a resize, or by the program (showSelection,
        // setTopIndex); every one of them repaints the table, so a paint asks for what is in view then
        Listener inView = e -> fetchSoon();
        table.addListener(SWT.Paint, inView);
        table.addListener(SWT.Resize, inView);
        ScrollBar bar = table.getVerticalBar();
        if (bar != null) {
            bar.addListener(SWT.Selection, inView);
        }
    }

    ConnectedServer server() {
        return server;
    }

    long total() {
        return total;
    }

    DocumentQuery query() {
        return query;
    }

    List<Integer> pagesAsked() {
        return List.copyOf(asked);
    }

    /**
     * Asks the server again. {@code keepPosition}: the same query refreshed (after a push or F5), so the user
     * stays where they are; otherwise a new search or sort, which starts at the top.
     */
    void show(ConnectedServer newServer, DocumentQuery newQuery, boolean keepPosition) {
        server = newServer;
        query = newQuery;
        generation++;
        loading.clear();
        if (server == null) {
            pages.clear();
            filled.clear();
            total = 0;
            viewer.setItemCount(0);
            changed.run();
            return;
        }
        stale = true;
        toTop = !keepPosition;
        int top = keepPosition ? viewer.getTable().getTopIndex() : 0;
        load(top / PAGE_SIZE + 1);
    }

    @Override
    public void updateElement(int index) {
        int page = index / PAGE_SIZE + 1;
        List<DocumentInfo> docs = pages.get(page);
        int offset = index % PAGE_SIZE;
        if (docs != null && offset < docs.size()) {
            DocumentInfo doc = docs.get(offset);
            Table table = viewer.getTable();
            // a selected row that now holds another version of its document (renamed, edited, updated): say so, or
            // the Properties view keeps showing what was selected
            boolean selectedChanged = table.isSelected(index) && !doc.equals(table.getItem(index).getData());
            viewer.replace(doc, index);
            filled.set(index);
            if (selectedChanged && !selectionSayPending) {
                // after the table's SetData callback, and once for all the selected rows it fills
                selectionSayPending = true;
                table.getDisplay().asyncExec(() -> {
                    selectionSayPending = false;
                    if (!table.isDisposed()) {
                        selectedRowReplaced.run();
                    }
                });
            }
            return;
        }
        // filled when its page arrives (which clears the page's rows, so GTK asks for them again); asked for only
        // if the row is in view once the table rests: GTK also asks for rows it merely measures, and for rows it
        // passes on its way while a jump scrolls
        viewer.replace(LOADING, index);
        fetchSoon();
    }

    /**
     * Asks for the pages in view once the table's top row stays where it is for {@value #SETTLE_MILLIS} ms: a jump
     * to the end, or a drag of the scroll bar, fetches the pages where it stops, not those it passed.
     */
    private void fetchSoon() {
        Table table = viewer.getTable();
        if (settling || stale || server == null || table.isDisposed()) {
            return;
        }
        settling = true;
        int top = table.getTopIndex();
        table.getDisplay().timerExec(SETTLE_MILLIS, () -> {
            settling = false;
            if (table.isDisposed()) {
                return;
            }
            if (table.getTopIndex() != top) {
                fetchSoon();
            } else {
                fetchVisible();
            }
        });
    }

    /** Asks for the pages of the rows in view that are neither here nor asked for. */
    private void fetchVisible() {
        Table table = viewer.getTable();
        if (stale || server == null || table.isDisposed() || table.getItemCount() == 0) {
            return;
        }
        int top = table.getTopIndex();
        int last = Math.min(table.getItemCount() - 1, top + rowsInView(table));
        for (int page = top / PAGE_SIZE + 1; page <= last / PAGE_SIZE + 1; page++) {
            if (pages.get(page) == null) {
                load(page);
            }
        }
    }

    /** Rows the visible area holds, counting a partly shown one at the bottom. */
    private static int rowsInView(Table table) {
        return table.getClientArea().height / Math.max(1, table.getItemHeight()) + 1;
    }

    private void load(int page) {
        ConnectedServer from = server;
        // a page asked for already stays asked for, also when the fetch failed: the error was shown once, and
        // retrying on every repaint would show it again and again; Refresh (F5) asks anew
        if (from == null || !loading.add(page)) {
            return;
        }
        asked.add(page);
        int generationAsked = generation;
        DocumentQuery q = query;
        DocumentQuery paged = new DocumentQuery(q.name(), q.author(), q.mimeType(), q.tag(), q.modifiedAfter(),
                q.modifiedBefore(), q.minSize(), q.maxSize(), q.sort(), q.descending(), page, PAGE_SIZE, q.node());
        ServerJob.schedule("Reading documents " + ((page - 1) * PAGE_SIZE + 1) + "-" + page * PAGE_SIZE + " from " + from.label(),
                m -> {
                    DocumentPage result = DocumentsClients.of(from).search(paged);
                    ui.execute(() -> arrived(generationAsked, page, result));
                });
    }

    private void arrived(int generationAsked, int page, DocumentPage result) {
        if (generationAsked != generation || viewer.getControl().isDisposed()) {
            return;
        }
        Table table = viewer.getTable();
        List<DocumentInfo> docs = result.documents();
        int count = (int) Math.min(result.total(), Integer.MAX_VALUE);
        if (stale) {
            stale = false;
            pages.clear();
            filled.clear();
            pages.put(page, docs);
            total = result.total();
            viewer.setItemCount(count);
            // every row is asked for again and the ones in view come from the page that just arrived
            table.clearAll();
            if (toTop && count > 0) {
                table.setTopIndex(0);
            }
            changed.run();
            return;
        }
        pages.put(page, docs);
        forgetLeastRecentPages();
        if (result.total() != total) {
            total = result.total();
            viewer.setItemCount(count);
            changed.run();
        }
        // the page's rows showed the placeholder (or nothing yet): GTK asks for those in view again and gets them now
        int first = (page - 1) * PAGE_SIZE;
        int end = Math.min(first + PAGE_SIZE, count) - 1;
        if (first <= end) {
            table.clear(first, end);
        }
    }

    /** Keeps at most {@value #PAGES_HELD} pages, never one in view; a page let go is fetched again when seen. */
    private void forgetLeastRecentPages() {
        Table table = viewer.getTable();
        int topPage = table.getTopIndex() / PAGE_SIZE + 1;
        int bottomPage = (table.getTopIndex() + rowsInView(table)) / PAGE_SIZE + 1;
        List<Integer> gone = new ArrayList<>();
        for (int page : pages.keySet()) {
            if (pages.size() - gone.size() <= PAGES_HELD) {
                break;
            }
            if (page < topPage || page > bottomPage) {
                gone.add(page);
            }
        }
        int count = table.getItemCount();
        for (int page : gone) {
            pages.remove(page);
            loading.remove(page);
            int first = (page - 1) * PAGE_SIZE;
            int end = Math.min(first + PAGE_SIZE, count) - 1;
            // the rows given a document let go of it (the table keeps their items, empty ones)
            for (int i = filled.nextSetBit(first); i >= 0 && i <= end; i = filled.nextSetBit(i + 1)) {
                table.getItem(i).setData(null);
            }
            filled.clear(first, first + PAGE_SIZE);
            if (first <= end) {
                table.clear(first, end);
            }
        }
    }

    @Override
    public void inputChanged(Viewer v, Object oldInput, Object newInput) {
        // the input is only a token; the rows come from the server through show(...)
    }
}
