package org.syncline.documents.internal.ui;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.UiRunner;

/**
 * The browser's rows, fetched from the server a page at a time as they scroll into view: the table holds
 * only as many rows as the server counts, and only the pages someone looked at are in memory, so 100,000
 * documents cost a few pages. Sorting and filtering are the server's (a new query), never done here.
 * Everything but the fetch itself runs on the UI thread.
 */
final class DocumentRows implements ILazyContentProvider {
    static final int PAGE_SIZE = 200;

    private final TableViewer viewer;
    private final UiRunner ui;
    private final Runnable changed;
    private final Map<Integer, List<DocumentInfo>> pages = new HashMap<>();
    private final Set<Integer> loading = new HashSet<>();
    private ConnectedServer server;
    private DocumentQuery query = DocumentQuery.all();
    private long total;
    private int generation;
    /** The pages shown are from an earlier query: keep showing them until the new query's first page arrives. */
    private boolean stale;
    private boolean toTop;

    /** @param changed runs on the UI thread when the total or the server changes */
    DocumentRows(TableViewer viewer, UiRunner ui, Runnable changed) {
        this.viewer = viewer;
        this.ui = ui;
        this.changed = changed;
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
            viewer.replace(docs.get(offset), index);
        } else {
            load(page);
        }
    }

    private void load(int page) {
        ConnectedServer from = server;
        // a page asked for already stays asked for, also when the fetch failed: the error was shown once, and
        // retrying on every repaint would show it again and again; Refresh (F5) asks anew
        if (from == null || !loading.add(page)) {
            return;
        }
        int asked = generation;
        DocumentQuery q = query;
        DocumentQuery paged = new DocumentQuery(q.name(), q.author(), q.mimeType(), q.tag(), q.modifiedAfter(),
                q.modifiedBefore(), q.minSize(), q.maxSize(), q.sort(), q.descending(), page, PAGE_SIZE);
        ServerJob.schedule("Reading documents " + ((page - 1) * PAGE_SIZE + 1) + "-" + page * PAGE_SIZE + " from " + from.label(),
                m -> {
                    DocumentPage result = DocumentsClients.of(from).search(paged);
                    ui.execute(() -> arrived(asked, page, result));
                });
    }

    private void arrived(int asked, int page, DocumentPage result) {
        if (asked != generation || viewer.getControl().isDisposed()) {
            return;
        }
        List<DocumentInfo> docs = result.documents();
        int count = (int) Math.min(result.total(), Integer.MAX_VALUE);
        if (stale) {
            stale = false;
            pages.clear();
            pages.put(page, docs);
            total = result.total();
            viewer.setItemCount(count);
            // every row is asked for again and the ones in view come from the page that just arrived
            viewer.getTable().clearAll();
            if (toTop && count > 0) {
                viewer.getTable().setTopIndex(0);
            }
            changed.run();
            return;
        }
        pages.put(page, docs);
        if (result.total() != total) {
            total = result.total();
            viewer.setItemCount(count);
            changed.run();
        }
        int first = (page - 1) * PAGE_SIZE;
        for (int i = 0; i < docs.size() && first + i < count; i++) {
            viewer.replace(docs.get(i), first + i);
        }
    }

    @Override
    public void inputChanged(Viewer v, Object oldInput, Object newInput) {
        // the input is only a token; the rows come from the server through show(...)
    }
}
