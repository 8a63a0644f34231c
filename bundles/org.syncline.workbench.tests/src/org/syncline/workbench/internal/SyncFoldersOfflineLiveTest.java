package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.sync.client.SyncClient;
import org.syncline.protocol.Connection;
import org.syncline.sync.internal.ui.SyncFoldersView;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.testing.ServerProcess;
import org.syncline.ui.ConnectedServer;

/**
 * The Sync Folders view while the hub is gone: the pair's state says since when (local time) and why, and what the
 * connection does about it ("offline since 14:32 (connection refused, retrying in 4 s)"), and it is up to date
 * again once the hub is back.
 */
class SyncFoldersOfflineLiveTest {
    private static final Pattern OFFLINE = Pattern.compile("offline since (\\d\\d:\\d\\d) \\((.+)\\)");
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-sync-offline");

    @Test
    void aPairWhoseHubStopsSaysSinceWhenAndWhyAndIsUpToDateWhenItIsBack() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        SyncFoldersView view = (SyncFoldersView) page.showView(SyncFoldersView.ID);
        Path dir = Files.createTempDirectory("syncline-ui-offline-pair");
        try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            new SyncClient(other).create("away");
        }
        WorkbenchLink link = server.connectWorkbench();
        try {
            ConnectedServer connected = link.connected();
            view.addPair(connected, dir, "away");
            UiEvents.waitUntil("the pair to sync", () -> "up to date".equals(view.stateOf(dir)));

            DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
            String before = LocalTime.now().format(hhmm);
            server.process().terminate();
            String after = LocalTime.now().format(hhmm);
            // the first sentence names the loss; the failed attempts that follow name what the socket said
            String refused = UiEvents.waitFor("the state naming the refused reconnect",
                    () -> view.stateOf(dir) != null && view.stateOf(dir).contains("connection refused, retrying in") ? view.stateOf(dir) : null, 60);
            Matcher m = OFFLINE.matcher(refused);
            assertTrue(m.matches(), refused);
            assertTrue(m.group(1).equals(before) || m.group(1).equals(after), "the local time of the loss (" + before + " to " + after + "): " + refused);
            assertTrue(m.group(2).matches("connection refused, retrying (now|in \\d+ s)"), refused);
            assertTrue(view.rowOf(dir).get(2).equals(view.stateOf(dir)), "the table shows it: " + view.rowOf(dir));
            Screenshots.save(window.getShell(), "sync-folders-offline.png");

            server.process().start();
            UiEvents.waitFor("up to date again once the hub is back", () -> "up to date".equals(view.stateOf(dir)) ? Boolean.TRUE : null, 90);
        } finally {
            TestPairs.remove(dir);
            link.close();
        }
    }
}
