package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.internal.ui.DocumentsPerspective;
import org.syncline.documents.internal.ui.ByteProgress;
import org.syncline.documents.internal.ui.DocumentsView;
import org.syncline.documents.internal.ui.VersionsView;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * The Documents perspective, contributed by the documents capability's UI bundle alone, against a real
 * server: files registered through the drop handler's code path appear by push, the Properties view and the
 * server-side sort see them, and a delete removes the row.
 */
class DocumentsViewLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-docs");

    @Test
    void droppedFilesAppearSortOnTheServerShowTheirPropertiesAndGoWhenDeleted() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(DocumentsPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        IViewPart part = page.findView(DocumentsView.ID);
        assertTrue(part instanceof DocumentsView, "the perspective opens the document browser");
        assertTrue(page.findView(VersionsView.ID) instanceof VersionsView, "the perspective opens the Versions view");
        assertNotNull(page.findView(IPageLayout.ID_PROP_SHEET), "the perspective shows the Properties view");
        DocumentsView view = (DocumentsView) part;
        Table table = ((TableViewer) view.getViewSite().getSelectionProvider()).getTable();
        assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "the browser's table is virtual");

        Path dir = Files.createTempDirectory("syncline-ui-drop");
        Path report = Files.write(dir.resolve("report.txt"), "x".repeat(1234).getBytes());
        Path memo = Files.write(dir.resolve("memo.txt"), "short".getBytes());

        try (WorkbenchLink link = server.connectWorkbench()) {
            UiEvents.waitUntil("the browser to show the server", () -> view.getContentDescription().endsWith(link.label()));
            assertEquals(0, view.total());

            // what a drop of two files from the desktop does; the rows come by the server's push, not by the job
            Job job = view.register(List.of(report, memo));
            assertNotNull(job, "a connected server takes registrations");
            UiEvents.waitUntil("both rows, pushed", () -> row(table, "report.txt") != null && row(table, "memo.txt") != null);
            assertEquals(2, view.total());
            assertTrue(view.getContentDescription().startsWith("2 documents"), view.getContentDescription());

            DocumentInfo doc = (DocumentInfo) row(table, "report.txt").getData();
            IPropertySource props = Adapters.adapt(doc, IPropertySource.class);
            assertNotNull(props, "documents adapt to the Properties view");
            Map<String, Object> shown = new HashMap<>();
            for (var d : props.getPropertyDescriptors()) {
                shown.put(d.getDisplayName(), props.getPropertyValue(d.getId()));
            }
            assertEquals("report.txt", shown.get("Name"));
            assertEquals("1234", shown.get("Size in bytes"));

            // the Versions view follows the browser's selection
            VersionsView versions = (VersionsView) page.findView(VersionsView.ID);
            ((TableViewer) view.getViewSite().getSelectionProvider()).setSelection(new StructuredSelection(doc), true);
            UiEvents.waitUntil("the versions of report.txt", () -> versions.getContentDescription().equals("1 version of report.txt"));
            // closed, Show Versions (Ctrl+Shift+H, context menu) brings it back on the selected document at once
            page.hideView(versions);
            page.activate(view);
            view.getViewSite().getService(org.eclipse.ui.handlers.IHandlerService.class).executeCommand("org.syncline.documents.ui.showVersions", null);
            VersionsView reopened = (VersionsView) page.findView(VersionsView.ID);
            assertNotNull(reopened, "Show Versions opens the Versions view");
            assertEquals(reopened, page.getActivePart(), "and brings it to the front");
            UiEvents.waitUntil("the reopened view on report.txt", () -> reopened.getContentDescription().equals("1 version of report.txt"));
            page.activate(view);

            // an edit made elsewhere reaches what follows the selection (the Properties view), not only the row: the
            // selected row's new version is said as the selection again
            List<DocumentInfo> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            org.eclipse.ui.ISelectionListener follower = (p, s) -> {
                if (s instanceof org.eclipse.jface.viewers.IStructuredSelection ss && ss.getFirstElement() instanceof DocumentInfo d) {
                    said.add(d);
                }
            };
            page.addSelectionListener(DocumentsView.ID, follower);
            try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                new DocumentsClient(other).edit(doc.id(), Map.of("description", "quarterly figures"));
            }
            UiEvents.waitUntil("the selection said again with the edit",
                    () -> said.stream().anyMatch(d -> d.id().equals(doc.id()) && "quarterly figures".equals(d.description())));
            page.removeSelectionListener(DocumentsView.ID, follower);

            // dragging the row out hands the drop target a downloaded copy under the document's name
            List<Path> dragged = view.filesForDrag();
            assertEquals(1, dragged.size());
            assertEquals("report.txt", dragged.get(0).getFileName().toString());
            assertArrayEquals("x".repeat(1234).getBytes(), Files.readAllBytes(dragged.get(0)));

            // a click on Size sorts smallest first, a second click largest first; both are server queries
            org.eclipse.swt.widgets.TableColumn size = table.getColumn(3);
            size.notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("smallest first", () -> "memo.txt".equals(table.getItem(0).getText(0)));
            size.notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("largest first", () -> "report.txt".equals(table.getItem(0).getText(0)));
            assertEquals(SWT.DOWN, table.getSortDirection());

            // the Modified column holds the whole time in the table's font (a fixed 160 px cut "12:15:58 AM" to "12:15:58")
            String modified = table.getItem(0).getText(4);
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
            int textWidth = gc.textExtent(modified).x;
            gc.dispose();
            assertTrue(table.getColumn(4).getWidth() > textWidth + 8, "the column (" + table.getColumn(4).getWidth() + " px) shows all of '" + modified
                    + "' (" + textWidth + " px)");

            // every column sorts on the server, also from the Sort list and Reverse (the keyboard's way: Alt+O, Alt+V)
            try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                DocumentsClient docs = new DocumentsClient(other);
                docs.edit(doc.id(), Map.of("author", "zoe"));
                docs.edit(((DocumentInfo) row(table, "memo.txt").getData()).id(), Map.of("author", "aaron"));
            }
            view.sortBy(1, false);
            UiEvents.waitUntil("author aaron first", () -> "memo.txt".equals(table.getItem(0).getText(0)) && "aaron".equals(table.getItem(0).getText(1)));
            assertEquals(table.getColumn(1), table.getSortColumn());
            view.sortBy(1, true);
            UiEvents.waitUntil("author zoe first", () -> "report.txt".equals(table.getItem(0).getText(0)) && "zoe".equals(table.getItem(0).getText(1)));
            assertEquals(SWT.DOWN, table.getSortDirection());

            // the node filter offers the server's storage nodes and filters on the server
            UiEvents.waitUntil("the node filter to list the server's node", () -> !view.nodeChoices().isEmpty());
            String node = view.nodeChoices().get(0);
            assertEquals(node, doc.node());
            view.filterNode(node);
            UiEvents.waitUntil("both documents on that node", () -> view.getContentDescription().startsWith("2 documents match"));
            Screenshots.save(window.getShell().getDisplay(), "documents-node-filter-sorted-by-author.png");
            view.filterNode(null);
            UiEvents.waitUntil("the filter cleared", () -> view.getContentDescription().startsWith("2 documents on"));

            // the search bar's other fields, searched on the server: size range, type, modified range; a field that
            // cannot be read is named in the description and the rows stay as they were
            view.typeInto("Size from", "1K");
            UiEvents.waitUntil("only report.txt (1,234 bytes) from 1K", () -> view.getContentDescription().startsWith("1 document match")
                    && row(table, "report.txt") != null && row(table, "memo.txt") == null);
            view.typeInto("Size from", "1 XB");
            UiEvents.waitUntil("the size that cannot be read named", () -> view.getContentDescription().startsWith("Size from: '1 XB' is not a size"));
            assertEquals(1, view.total(), "the rows of the last search stay");
            view.typeInto("Size from", "");
            view.typeInto("up to", "100");
            UiEvents.waitUntil("only memo.txt (5 bytes) up to 100", () -> view.getContentDescription().startsWith("1 document match")
                    && row(table, "memo.txt") != null && row(table, "report.txt") == null);
            view.typeInto("up to", "");
            view.typeInto("Type", "application/pdf");
            UiEvents.waitUntil("no PDF", () -> view.getContentDescription().startsWith("0 documents match"));
            view.typeInto("Type", doc.mimeType());
            UiEvents.waitUntil("both of type " + doc.mimeType(), () -> view.getContentDescription().startsWith("2 documents match"));
            view.typeInto("Type", "");
            String today = java.time.LocalDate.now().toString();
            view.typeInto("Modified from", today);
            view.typeInto("until", today);
            UiEvents.waitUntil("both modified today (until includes the day)", () -> view.getContentDescription().startsWith("2 documents match"));
            view.typeInto("Modified from", java.time.LocalDate.now().plusDays(1).toString());
            UiEvents.waitUntil("bounds the wrong way round named", () -> view.getContentDescription().contains("must be earlier"));
            view.typeInto("until", "");
            UiEvents.waitUntil("none modified from tomorrow", () -> view.getContentDescription().startsWith("0 documents match"));
            view.typeInto("Modified from", "");
            UiEvents.waitUntil("the fields cleared", () -> view.getContentDescription().startsWith("2 documents on"));


            view.deleteWithoutAsking(List.of(doc));
            UiEvents.waitUntil("the deleted row to go", () -> row(table, "report.txt") == null && view.total() == 1);
            assertNotNull(row(table, "memo.txt"), "the other document stays");

            // the view's keys reach its commands while the table has the focus (Delete would otherwise be the
            // window's Delete, and in the search fields it must stay the text's)
            page.activate(view);
            table.setFocus();
            UiEvents.flush();
            org.eclipse.ui.keys.IBindingService keys = PlatformUI.getWorkbench().getService(org.eclipse.ui.keys.IBindingService.class);
            // the view's key context follows the focus through the event loop: a loaded machine may need a moment
            var delKey = org.eclipse.jface.bindings.keys.KeySequence.getInstance("DEL");
            UiEvents.waitUntil("the Documents view's keys to be active", () -> {
                var del = keys.getPerfectMatch(delKey);
                return del != null && del.getParameterizedCommand().getId().equals("org.syncline.documents.ui.delete");
            });
            for (String[] key : new String[][] { { "DEL", "delete" }, { "F2", "rename" }, { "F5", "refresh" }, { "M1+N", "register" },
                    { "M1+M2+H", "showVersions" } }) {
                var match = keys.getPerfectMatch(org.eclipse.jface.bindings.keys.KeySequence.getInstance(key[0]));
                assertNotNull(match, key[0] + " is bound while the table has the focus");
                assertEquals("org.syncline.documents.ui." + key[1], match.getParameterizedCommand().getId(), key[0]);
            }

            // Share... suggests the names the registry has for what is typed in Name
            page.activate(view);
            ((TableViewer) view.getViewSite().getSelectionProvider()).setSelection(new StructuredSelection(row(table, "memo.txt").getData()), true);
            try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                new org.syncline.admin.client.AdminClient(other).addUser("alice", "alice-secret-1".toCharArray(), false);
            }
            List<String> suggested = UiEvents.nameSuggestions("Share Document", "a", () -> view.getViewSite()
                    .getService(org.eclipse.ui.handlers.IHandlerService.class).executeCommand("org.syncline.documents.ui.share", null));
            assertEquals(List.of("alice"), suggested, "the users whose names start with 'a', but admin, the owner");

            // more rows than one page: the table counts them all, and rows far down are fetched when shown
            try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                DocumentsClient docs = new DocumentsClient(other);
                for (int i = 0; i < 450; i++) {
                    docs.register(String.format("bulk-%04d.txt", i), null, "", List.of(), new ByteArrayInputStream(new byte[] { (byte) i }));
                }
            }
            table.getColumn(0).notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("451 rows, pushed", () -> view.total() == 451 && table.getItemCount() == 451);
            table.showItem(table.getItem(450));
            UiEvents.waitUntil("the last row, from the third page", () -> "memo.txt".equals(table.getItem(450).getText(0)));
            // back at the top the first page shows (fetched again if a refresh pushed by the registrations above
            // came while the view was at the bottom: a refresh keeps only the pages in view); a row read before
            // its page came back is empty until the page arrives: wait, as a repaint would
            table.setTopIndex(0);
            UiEvents.waitUntil("the first row, from the first page", () -> "bulk-0000.txt".equals(table.getItem(0).getText(0)));
            table.showItem(table.getItem(449));
            UiEvents.waitUntil("row 450", () -> "bulk-0449.txt".equals(table.getItem(449).getText(0)));

            // in a window 1100 px wide the whole search and sort bar shows: Reverse is neither cut off nor squeezed
            // (last: resizing the window under Xvfb takes away the focus the key checks above rely on)
            // the window gets its size back afterwards: the test classes after this one share the window
            Point sizeBefore = window.getShell().getSize();
            window.getShell().setSize(1100, 800);
            try {
                UiEvents.flush();
                Composite bar = table.getParent();
                Button reverse = button(bar, "Re&verse");
                assertNotNull(reverse, "the Reverse check box");
                Rectangle reverseAt = bar.getDisplay().map(reverse.getParent(), bar, reverse.getBounds());
                assertTrue(reverseAt.x + reverseAt.width <= bar.getClientArea().width, "Reverse ends at " + (reverseAt.x + reverseAt.width)
                        + " px in a view " + bar.getClientArea().width + " px wide");
                assertTrue(reverse.getSize().x >= reverse.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, "Reverse has the width its label needs");
                Screenshots.save(bar.getDisplay(), "documents-browser-1100px.png");
            } finally {
                window.getShell().setSize(sizeBefore);
                UiEvents.flush();
            }
        }
        UiEvents.waitUntil("the browser to let go of the server", () -> table.getItemCount() == 0);
    }

    @Test
    void transfersReportTheirBytesToTheProgressView() throws Exception {
        List<Integer> worked = new java.util.ArrayList<>();
        List<String> lines = new java.util.ArrayList<>();
        org.eclipse.core.runtime.IProgressMonitor monitor = new org.eclipse.core.runtime.NullProgressMonitor() {
            @Override
            public void worked(int work) {
                worked.add(work);
            }

            @Override
            public void subTask(String name) {
                lines.add(name);
            }
        };
        ByteProgress progress = new ByteProgress(monitor);
        assertEquals(200, ByteProgress.units(200 * 1024));
        progress.file("big.bin (1 of 1)", 200 * 1024);
        try (java.io.InputStream in = progress.in(new ByteArrayInputStream(new byte[200 * 1024]))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertEquals(200, worked.stream().mapToInt(Integer::intValue).sum(), "one unit per KiB read");
        assertTrue(worked.size() > 1, "reported as the bytes stream, not once at the end: " + worked);
        assertEquals("big.bin (1 of 1): " + String.format("%.1f KiB", 200.0) + " of " + String.format("%.1f KiB", 200.0), lines.get(lines.size() - 1));
        assertEquals(200 * 1024, progress.total());
    }

    private static TableItem row(Table table, String name) {
        for (TableItem item : table.getItems()) {
            // reading a virtual row asks the view for it, which fills it from the page the server sent
            if (name.equals(item.getText(0))) {
                return item;
            }
        }
        return null;
    }

    /** The check box or button with this text under {@code c}. */
    private static Button button(Composite c, String text) {
        for (Control child : c.getChildren()) {
            if (child instanceof Button b && text.equals(b.getText())) {
                return b;
            }
            if (child instanceof Composite inner) {
                Button found = button(inner, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
