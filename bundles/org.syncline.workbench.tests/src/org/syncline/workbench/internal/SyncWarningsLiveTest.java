package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.protocol.Connection;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.ui.SyncFoldersView;
import org.syncline.sync.internal.ui.SyncPair;
import org.syncline.sync.internal.ui.SyncPairs;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.testing.ServerProcess;

/**
 * What a pair cannot sync is told to the workbench's user for as long as the engine runs, not only in a tooltip the
 * next line replaces: a symlink in the directory (never followed) makes the pair's state say "1 warning", and Show
 * Warnings (Ctrl+I) lists it, while the directory's other files sync; once the link is removed, Sync Now drops it.
 */
class SyncWarningsLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-sync-warnings");

    @Test
    void aSymlinkInAPairIsCountedInItsStateAndListedByShowWarnings() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        SyncFoldersView view = (SyncFoldersView) page.showView(SyncFoldersView.ID);
        Path dir = Files.createTempDirectory("syncline-ui-warnings-pair");
        Files.writeString(dir.resolve("plain.txt"), "synced");
        Files.createSymbolicLink(dir.resolve("link-to-tmp"), Path.of(System.getProperty("java.io.tmpdir")));
        try (WorkbenchLink link = server.connectWorkbench(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            SyncClient hub = new SyncClient(other);
            hub.create("links");
            view.addPair(link.connected(), dir, "links");
            // read once per poll: the engine may start another pass between two reads
            String state = UiEvents.waitFor("the pair up to date with its warning", () -> {
                String now = view.stateOf(dir);
                return now != null && now.startsWith("up to date") ? now : null;
            }, 30);
            assertEquals("up to date, 1 warning", state);
            // the table shows it (waited for: the engine may start another pass between two reads)
            UiEvents.waitUntil("the table to show " + state, () -> state.equals(view.rowOf(dir).get(2)));
            List<String> warnings = view.warningsOf(dir);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("symlink not followed: link-to-tmp"), warnings.get(0));
            assertTrue(HubRevisions.of(hub, "links", "plain.txt") > 0, "the other file synced");
            assertEquals(0, HubRevisions.of(hub, "links", "link-to-tmp"), "the link is not on the hub");

            // the command a user reaches with Ctrl+I or the context menu, on the selected pair
            SyncPair pair = TestPairs.of(dir);
            page.activate(view);
            view.getViewSite().getSelectionProvider().setSelection(new StructuredSelection(pair));
            String[] shown = new String[1];
            UiEvents.closeDialogWhenShown("Sync Warnings", shown);
            window.getService(IHandlerService.class).executeCommand("org.syncline.sync.ui.showWarnings", null);
            assertTrue(shown[0] != null && shown[0].contains("1 warning for " + dir + " = ") && shown[0].contains("symlink not followed: link-to-tmp"),
                    String.valueOf(shown[0]));

            // the user removes the link and syncs now: the walk no longer finds it, and the warning goes
            Files.delete(dir.resolve("link-to-tmp"));
            SyncPairs.instance().syncNow(pair);
            UiEvents.waitUntil("the warning to go", () -> "up to date".equals(view.stateOf(dir)));
            assertEquals(List.of(), view.warningsOf(dir));
        } finally {
            TestPairs.remove(dir);
        }
    }
}
