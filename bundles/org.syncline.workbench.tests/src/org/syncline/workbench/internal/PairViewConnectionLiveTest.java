package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.core.Sha256;
import org.syncline.protocol.Connection;
import org.syncline.sync.FileChange;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.ui.SyncFoldersView;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.sync.internal.ui.TrashView;
import org.syncline.testing.ServerProcess;

/**
 * The views about the selected pair's folder (Trash, History, Activity) follow the pair's server: when the workbench
 * disconnects from it (Disconnect in the Servers view) the Trash view says so and shows no rows, and when it
 * reconnects the view reads the trash again by itself. Before, such a view kept what it showed until the next push, and one that followed a pair while
 * the workbench was still connecting said "not connected" while the server was.
 */
class PairViewConnectionLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-pair-connection");

    @Test
    void theTrashViewSaysNotConnectedWhenItsServerGoesAndReadsAgainWhenItComesBack() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        SyncFoldersView view = (SyncFoldersView) page.showView(SyncFoldersView.ID);
        Path dir = Files.createTempDirectory("syncline-ui-connection-pair");
        try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            SyncClient hub = new SyncClient(other);
            hub.create("moods");
            hub.commit("moods", List.of(FileChange.put("gone.txt", 0, 0, Sha256.hex(new byte[0]), List.of())));
            hub.commit("moods", List.of(FileChange.delete("gone.txt", 1)));
        }
        try (WorkbenchLink link = server.connectWorkbench()) {
            view.addPair(link.connected(), dir, "moods");
            UiEvents.waitUntil("the pair to sync", () -> "up to date".equals(view.stateOf(dir)));
            TrashView trash = (TrashView) page.showView(TrashView.ID);
            trash.follow(TestPairs.of(dir));
            String listed = "1 deleted file in " + TestPairs.of(dir).remote();
            UiEvents.waitUntil("the trash listed", () -> listed.equals(trash.getContentDescription()));

            // Disconnect and Reconnect, as in the Servers view
            link.disconnect();
            UiEvents.waitUntil("the view to say its server is not connected",
                    () -> (link.label() + " is not connected.").equals(trash.getContentDescription()));
            assertEquals(0, trash.rows().size(), "no rows of a server that is not connected");

            link.reconnect();
            UiEvents.waitUntil("the trash read again once connected", () -> listed.equals(trash.getContentDescription()));
            assertEquals("gone.txt", trash.rows().get(0).path());
        } finally {
            TestPairs.remove(dir);
        }
    }
}
