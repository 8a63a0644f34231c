package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.Sha256;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.FileChange;
import org.syncline.admin.internal.ui.AdministrationPerspective;
import org.syncline.admin.internal.ui.UsersView;
import org.syncline.protocol.Connection;
import org.syncline.sync.client.SyncClient;
import org.syncline.testing.ServerProcess;

/**
 * The Users view's "Sync quota" column, which the sync UI contributes to administration (which knows nothing of
 * sync): every user's space used of their limit, read with the list, and a quota set through another connection
 * reaching the open view by the hub's push; a click on the header sorts by it.
 */
class UsersQuotaColumnLiveTest {
    private static final long MIB = 1024L * 1024;
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-quota-column");

    @Test
    void theUsersViewShowsEachUsersQuotaAndFollowsAQuotaSetElsewhere() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(AdministrationPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        UsersView view = (UsersView) page.showView(UsersView.ID);
        Table table = ((org.eclipse.jface.viewers.TableViewer) view.getViewSite().getSelectionProvider()).getTable();
        int quota = column(table, "Sync quota");

        try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            // quincy owns a folder with 1.5 MiB in it before the view reads the list; no quota yet
            AdminClient admin = new AdminClient(other);
            admin.addUser("quincy", "quincy-password-1".toCharArray(), false);
            admin.addUser("rita", "rita-password-1".toCharArray(), false);
            try (Connection q = server.connect("quincy", "quincy-password-1")) {
                SyncClient sync = new SyncClient(q);
                sync.create("quincy-files");
                sync.commit("quincy-files", List.of(put(sync, "quincy-files", "big.txt", new byte[(int) (1.5 * MIB)])));
            }
            new SyncClient(other).setQuota("rita", 10 * MIB);

            try (WorkbenchLink link = server.connectWorkbench()) {
                link.select();
                UiEvents.waitUntil("quincy's row", () -> UsersViewLiveTest.row(table, "quincy") != null);
                assertEquals("1.5 MiB, no limit", UsersViewLiveTest.row(table, "quincy").getText(quota));
                assertEquals("0 B of 10.0 MiB", UsersViewLiveTest.row(table, "rita").getText(quota));
                assertEquals("0 B, no limit", UsersViewLiveTest.row(table, "admin").getText(quota));

                // a quota set through another connection reaches the open view by push: no user changed, no list re-read
                new SyncClient(other).setQuota("quincy", 1 * MIB);
                UiEvents.waitUntil("quincy's new quota, pushed", () -> UsersViewLiveTest.row(table, "quincy").getText(quota).equals("1.5 MiB of 1.0 MiB (over)"));
                new SyncClient(other).setQuota("quincy", 20 * MIB);
                UiEvents.waitUntil("quincy's raised quota, pushed", () -> UsersViewLiveTest.row(table, "quincy").getText(quota).equals("1.5 MiB of 20.0 MiB"));

                // sorted by the column: by the space used, the most first on the second click
                TableColumn header = table.getColumn(quota);
                header.notifyListeners(SWT.Selection, new Event());
                UiEvents.waitUntil("the least used first", () -> !table.getItem(0).getText(0).equals("quincy"));
                header.notifyListeners(SWT.Selection, new Event());
                UiEvents.waitUntil("the most used first", () -> table.getItem(0).getText(0).equals("quincy"));
                Screenshots.save(window.getShell(), "users-quota-column.png");
                // the text fits its column: no cell is cut off
                org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(table);
                try {
                    int widest = gc.textExtent(UsersViewLiveTest.row(table, "quincy").getText(quota)).x;
                    assertTrue(widest < table.getColumn(quota).getWidth(), widest + " px of text in a column of " + table.getColumn(quota).getWidth());
                } finally {
                    gc.dispose();
                }
            }
        }
    }

    /** A file of {@code data} in chunks of 64 KiB, as an engine would send it (a hub takes no chunk over 256 KiB). */
    private static FileChange put(SyncClient client, String folder, String path, byte[] data) {
        List<ChunkRef> chunks = new ArrayList<>();
        for (int at = 0; at < data.length; at += 64 * 1024) {
            byte[] piece = java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + 64 * 1024));
            String sha = Sha256.hex(piece);
            if (!client.missingChunks(folder, List.of(sha)).isEmpty()) {
                client.putChunk(folder, sha, piece);
            }
            chunks.add(new ChunkRef(sha, piece.length));
        }
        return FileChange.put(path, 0, data.length, Sha256.hex(data), chunks);
    }

    private static int column(Table table, String title) {
        List<String> titles = new ArrayList<>();
        for (TableColumn c : table.getColumns()) {
            titles.add(c.getText());
        }
        assertTrue(titles.contains(title), "the Users view has the column " + title + ": " + titles);
        return titles.indexOf(title);
    }
}
