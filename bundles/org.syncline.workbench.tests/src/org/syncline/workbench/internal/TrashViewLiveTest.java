package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.core.Sha256;
import org.syncline.protocol.Connection;
import org.syncline.sync.FileChange;
import org.syncline.sync.TrashEntry;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.ui.SyncFoldersView;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.sync.internal.ui.TrashView;
import org.syncline.testing.ServerProcess;

/**
 * A trash larger than one of the hub's pages (8 MiB of reply: some 700 files of paths near the 4,096 characters a path
 * may have): the Trash view reads it page by page and lists every deleted file in path order, in a virtual table.
 */
class TrashViewLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-trash");

    @Test
    void aTrashOfMoreThanOnePageIsListedWhole() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        SyncFoldersView view = (SyncFoldersView) page.showView(SyncFoldersView.ID);
        Path dir = Files.createTempDirectory("syncline-ui-trash-pair");
        int n = 800;
        String dirs = ("d".repeat(199) + "/").repeat(19); // paths of ~3,830 characters
        try (WorkbenchLink link = server.connectWorkbench(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            SyncClient hub = new SyncClient(other);
            hub.create("bulk");
            // what another client did: made n empty files and deleted them all
            String empty = Sha256.hex(new byte[0]);
            List<FileChange> puts = new ArrayList<>();
            List<FileChange> deletes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String path = dirs + String.format("%05d.txt", i);
                puts.add(FileChange.put(path, 0, 0, empty, List.of()));
                deletes.add(FileChange.delete(path, 1));
            }
            hub.commit("bulk", puts);
            hub.commit("bulk", deletes);

            view.addPair(link.connected(), dir, "bulk");
            UiEvents.waitUntil("the pair to sync", () -> "up to date".equals(view.stateOf(dir)));
            TrashView trash = (TrashView) page.showView(TrashView.ID);
            trash.follow(TestPairs.of(dir));
            UiEvents.waitUntil("the whole trash in the view", () -> trash.rows().size() == n);
            List<TrashEntry> rows = trash.rows();
            assertEquals(dirs + "00000.txt", rows.get(0).path());
            assertEquals(dirs + String.format("%05d.txt", n - 1), rows.get(n - 1).path(), "in path order, past the first page");
            assertEquals(n, rows.stream().map(TrashEntry::path).distinct().count(), "no file twice where pages meet");
            assertEquals(n + " deleted files in " + TestPairs.of(dir).remote(), trash.getContentDescription());
            assertEquals(n, trash.tableItemCount(), "the table has a row for each");
        } finally {
            TestPairs.remove(dir);
        }
    }
}
