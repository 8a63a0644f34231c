package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.protocol.Connection;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.ui.SyncFoldersView;
import org.syncline.sync.internal.ui.SyncPair;
import org.syncline.sync.internal.ui.SyncPairs;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.sync.internal.ui.SyncPreferences;
import org.syncline.testing.ServerProcess;

/**
 * Pausing a pair while a pass runs: the pass under way finishes (its upload reaches the hub whole), and the pair
 * stays paused afterwards. The pass's end used to set "up to date" over the pause, so the view showed a paused pair
 * as syncing on (seen as a failure of {@code SyncViewLiveTest} in a CI run).
 */
class SyncPauseLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-sync-pause");

    @Test
    void aPassUnderWayWhenThePairIsPausedFinishesAndThePairStaysPaused() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
        SyncFoldersView view = (SyncFoldersView) window.getActivePage().showView(SyncFoldersView.ID);
        Path dir = Files.createTempDirectory("syncline-ui-pause-pair");
        IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(SyncPreferences.NODE);
        // 64 KiB/s up: the upload of 384 KiB of incompressible bytes keeps a pass running for seconds
        prefs.putInt(SyncPreferences.UPLOAD_LIMIT_KIB, 64);
        try (WorkbenchLink link = server.connectWorkbench(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            SyncClient hub = new SyncClient(other);
            hub.create("slow");
            view.addPair(link.connected(), dir, "slow");
            UiEvents.waitUntil("the pair to sync", () -> "up to date".equals(view.stateOf(dir)));
            SyncPair pair = TestPairs.of(dir);
            assertEquals(64 * 1024, SyncPairs.instance().settingsOf(pair).orElseThrow().uploadLimit(), "the limit is in force");

            byte[] content = new byte[384 * 1024];
            new Random(7).nextBytes(content);
            Files.write(dir.resolve("big.bin"), content);
            UiEvents.waitUntil("the upload to start", () -> view.stateOf(dir).startsWith("syncing"));
            Instant pausedAt = Instant.now();
            SyncPairs.instance().pause(pair);
            assertEquals("paused", view.stateOf(dir));

            // no pass starts while paused: a sync after the pause is the one that was under way
            UiEvents.waitUntil("the pass under way to end", () -> lastSync(pair) != null && lastSync(pair).isAfter(pausedAt));
            assertEquals(1, HubRevisions.of(hub, "slow", "big.bin"), "the pass under way finished its upload");
            assertEquals("paused", view.stateOf(dir), "the pass's end leaves the pair paused");
            assertEquals("paused", view.rowOf(dir).get(2));

            SyncPairs.instance().resume(pair);
            UiEvents.waitUntil("up to date after resume", () -> "up to date".equals(view.stateOf(dir)));
        } finally {
            TestPairs.remove(dir);
            prefs.remove(SyncPreferences.UPLOAD_LIMIT_KIB);
            prefs.flush();
        }
    }

    private static Instant lastSync(SyncPair pair) {
        return SyncPairs.instance().status().stream().filter(s -> s.pair().localDir().equals(pair.localDir())).findFirst().orElseThrow().lastSync();
    }
}
