package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.documents.internal.ui.DocumentsPerspective;
import org.syncline.documents.internal.ui.DocumentsView;
import org.syncline.protocol.Connection;
import org.syncline.store.Database;
import org.syncline.testing.ServerProcess;

/**
 * The document browser with 100,000 documents on a real server: the total shows them all, opening and a sort fetch the
 * page in view, the jump End makes reaches the last row fetching only the page it shows (not the rows GTK measures
 * outside the view), a search narrows the rows, and scrolling through holds a bounded number of pages. The documents are written
 * straight into the stopped registry's database (registering 100,000 files through the server takes minutes); the
 * server reads them as its own when it starts again. No timings are asserted.
 */
class DocumentsBrowser100kLiveTest {
    private static final int COUNT = 100_000;
    /** Documents 0 … 98,999 are on the server's own node, the last 1,000 on a node the registry has no row for. */
    private static final int ON_NODE = 99_000;
    private static final String ELSEWHERE = "elsewhere";
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-docs-100k");

    /** The server stopped, seeded through its database and started again (the extension started it before this runs). */
    @BeforeAll
    static void seedServer() throws Exception {
        String node;
        try (Connection c = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            node = new DocumentsClient(c).nodes().get(0).name();
        }
        server.process().terminate();
        seed(node);
        server.process().start();
    }

    /**
     * doc-000000.txt … doc-099999.txt, owned by admin; document i is 100,000 − i bytes, so a sort by size is the names' order
     * reversed; the last 1,000 are on another node. Only the documents table: the browser of an admin reads nothing else.
     */
    private static void seed(String node) {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(200, ChronoUnit.DAYS);
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        try (Database db = Database.open(server.process().data.resolve("db"))) {
            for (int from = 0; from < COUNT; from += 10_000) {
                int start = from;
                db.inTransaction(c -> {
                    // name_key: the name lower-cased, what the registry sorts by name on (its names here have no capitals)
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (id, name, author, mime_type, size_bytes, sha256, node, "
                            + "created, modified, current_version, description, owner_name, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (int i = start; i < start + 10_000; i++) {
                            Timestamp t = Timestamp.from(base.plusSeconds(i * 60L));
                            ps.setString(1, String.format("00000000-0000-4000-8000-%012d", i));
                            ps.setString(2, name(i));
                            ps.setString(3, "author" + i % 7);
                            ps.setString(4, "text/plain");
                            ps.setLong(5, COUNT - i);
                            ps.setString(6, String.format("%064x", i));
                            ps.setString(7, i < ON_NODE ? node : ELSEWHERE);
                            ps.setTimestamp(8, t, utc);
                            ps.setTimestamp(9, t, utc);
                            ps.setInt(10, 1);
                            ps.setString(11, "");
                            ps.setString(12, "admin");
                            ps.setString(13, name(i));
                            ps.addBatch();
                            if ((i + 1) % 1000 == 0) {
                                ps.executeBatch();
                            }
                        }
                    }
                    return null;
                });
            }
        }
    }

    private static String name(int i) {
        return String.format("doc-%06d.txt", i);
    }

    @Test
    void aHundredThousandRowsAreCountedReachedAtTheEndSortedAndSearchedAPageAtATime() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(DocumentsPerspective.ID, window);
        DocumentsView view = (DocumentsView) window.getActivePage().findView(DocumentsView.ID);
        Table table = ((TableViewer) view.getViewSite().getSelectionProvider()).getTable();
        // by name, A first, whatever a test before this one left the shared view sorted by
        view.sortBy(0, false);
        int beforeOpen = view.pagesAsked().size();
        try (WorkbenchLink link = server.connectWorkbench()) {
            UiEvents.waitUntil("the browser to show the server", () -> view.getContentDescription().endsWith(link.label()));
            UiEvents.waitUntil("100,000 documents counted", () -> view.total() == COUNT);
            assertEquals(COUNT, table.getItemCount());
            assertTrue(view.getContentDescription().startsWith("100,000 documents on "), view.getContentDescription());
            UiEvents.waitUntil("the first row", () -> name(0).equals(table.getItem(0).getText(0)));
            // opening reads the page in view, not the pages of rows GTK measures outside it
            firstPageOnly(view, beforeOpen, "opening");

            // a sort by Size is a new query: its first page, the smallest first, never all 500 pages
            int beforeSort = view.pagesAsked().size();
            table.getColumn(3).notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("the smallest first", () -> name(COUNT - 1).equals(table.getItem(0).getText(0)));
            firstPageOnly(view, beforeSort, "a sort");

            // the jump End / Ctrl+End makes in the table (select the last row and show it): the last row shows, and only
            // the pages in view were fetched, not the rows GTK measures on the way
            int beforeEnd = view.pagesAsked().size();
            table.setSelection(COUNT - 1);
            table.showSelection();
            int last = COUNT / 200;
            UiEvents.waitUntil("the last row, the largest document", () -> name(0).equals(table.getItem(COUNT - 1).getText(0)));
            screenshot("documents-100k-end.png");
            List<Integer> atTheEnd = asked(view, beforeEnd);
            System.out.println("100k browser: pages fetched by the jump to the last row " + atTheEnd);
            assertTrue(atTheEnd.contains(last) && atTheEnd.size() <= 2 && atTheEnd.stream().allMatch(p -> p >= last - 1),
                    "only the pages in view at the end were fetched, not the 498 between: " + atTheEnd);

            // a search narrows the rows on the server: ten names hold "doc-01234"
            Text name = find(table.getParent(), Text.class, "part of the name");
            name.setText("doc-01234");
            UiEvents.waitUntil("ten matches", () -> view.total() == 10 && table.getItemCount() == 10);
            assertTrue(view.getContentDescription().startsWith("10 documents match"), view.getContentDescription());
            UiEvents.waitUntil("the matches, smallest first", () -> name(12349).equals(table.getItem(0).getText(0))
                    && name(12340).equals(table.getItem(9).getText(0)));
            for (int i = 0; i < 10; i++) {
                assertEquals(name(12349 - i), table.getItem(i).getText(0), "row " + i + " of the matches");
            }
            name.setText("");
            UiEvents.waitUntil("all rows again", () -> view.total() == COUNT);
            table.getColumn(0).notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("sorted by name again", () -> name(0).equals(table.getItem(0).getText(0)));

            // the node filter holds for every page, the ones fetched as they scroll into view too
            UiEvents.waitUntil("the node filter to list the server's node", () -> !view.nodeChoices().isEmpty());
            view.filterNode(view.nodeChoices().get(0));
            UiEvents.waitUntil("the documents on that node", () -> view.total() == ON_NODE && table.getItemCount() == ON_NODE);
            table.setTopIndex(ON_NODE - 20);
            UiEvents.waitUntil("the last document on that node at the end", () -> name(ON_NODE - 1).equals(table.getItem(ON_NODE - 1).getText(0)));
            view.filterNode(null);
            UiEvents.waitUntil("all rows again", () -> view.total() == COUNT);
            UiEvents.waitUntil("the first row", () -> name(0).equals(table.getItem(0).getText(0)));

            // scrolling through the whole table holds a bounded number of pages: after 25 jumps (25 pages, each shown
            // right), the first page was let go, and going back to the top fetches it again
            int beforeJumps = view.pagesAsked().size();
            for (int k = 1; k <= 25; k++) {
                int row = k * 3_950;
                table.setTopIndex(row);
                if (k == 1) {
                    // what a user sees while a page is on its way: "…" in the rows not here yet
                    Screenshots.save(window.getShell().getDisplay(), "documents-100k-scrolled-loading.png");
                    UiEvents.waitUntil("row " + row, () -> name(row).equals(table.getItem(row).getText(0)));
                    screenshot("documents-100k-scrolled.png");
                }
                UiEvents.waitUntil("row " + row, () -> name(row).equals(table.getItem(row).getText(0)));
            }
            UiEvents.flush();
            List<Integer> jumps = asked(view, beforeJumps);
            System.out.println("100k browser: pages fetched by 25 jumps " + jumps.size() + " " + jumps);
            assertTrue(jumps.size() <= 50, "25 jumps fetched the pages in view (two each at most): " + jumps);
            int beforeTop = view.pagesAsked().size();
            table.setTopIndex(0);
            UiEvents.waitUntil("the first row again", () -> name(0).equals(table.getItem(0).getText(0)));
            assertTrue(asked(view, beforeTop).contains(1), "the first page was let go while scrolling, so it is fetched again: "
                    + asked(view, beforeTop));
        }
        UiEvents.waitUntil("the browser to let go of the server", () -> table.getItemCount() == 0);
    }

    /** Saves the screen once what it shows has been drawn (GTK draws on its frame clock, after the events). */
    private static void screenshot(String name) throws Exception {
        Display display = Display.getCurrent();
        long until = System.currentTimeMillis() + 500;
        while (System.currentTimeMillis() < until) {
            UiEvents.flush();
            display.timerExec(20, () -> { });
            display.sleep();
        }
        Screenshots.save(display, name);
    }

    /** What {@code what} fetched since {@code from}: the first page first, and the page in view only (two at most). */
    private static void firstPageOnly(DocumentsView view, int from, String what) {
        UiEvents.flush();
        List<Integer> pages = asked(view, from);
        System.out.println("100k browser: pages fetched by " + what + " " + pages);
        assertEquals(1, pages.get(0), what + " asks for the first page first: " + pages);
        assertTrue(pages.size() <= 2, what + " fetched the page in view (two at most): " + pages);
    }

    private static List<Integer> asked(DocumentsView view, int from) {
        List<Integer> all = view.pagesAsked();
        return all.subList(from, all.size());
    }

    private static <T extends Control> T find(Control c, Class<T> type, String message) {
        if (type.isInstance(c) && c instanceof Text t && message.equals(t.getMessage())) {
            return type.cast(c);
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (Control child : comp.getChildren()) {
                T found = find(child, type, message);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
