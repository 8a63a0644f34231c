package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.service.prefs.BackingStoreException;
import org.syncline.protocol.Connection;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.engine.EngineSettings;
import org.syncline.sync.internal.ui.SyncFoldersView;
import org.syncline.sync.internal.ui.SyncPair;
import org.syncline.sync.internal.ui.SyncPairs;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.sync.internal.ui.SyncPreferencePage;
import org.syncline.sync.internal.ui.SyncPreferences;
import org.syncline.testing.ServerProcess;

/**
 * Window > Preferences > Sync, as a user fills it in: a value out of range is named and keeps the dialog from
 * closing; limits applied restart the running pair's engine with them (the engine's throttle is the one
 * {@code sync-agent --up-limit} uses), the Sync Folders view says they are in force, the pair still syncs, and
 * the values are kept in the workbench's preferences.
 */
class SyncPreferencesLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-sync-prefs");

    @Test
    void limitsSetOnThePreferencePageRestartThePairWithThemAndBadValuesAreNamed() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
        SyncFoldersView view = (SyncFoldersView) window.getActivePage().showView(SyncFoldersView.ID);
        Path dir = Files.createTempDirectory("syncline-ui-limited-pair");
        try (WorkbenchLink link = server.connectWorkbench(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            SyncClient hub = new SyncClient(other);
            hub.create("limited");
            view.addPair(link.connected(), dir, "limited");
            UiEvents.waitUntil("the pair to sync", () -> "up to date".equals(view.stateOf(dir)));
            SyncPair pair = TestPairs.of(dir);
            assertEquals(EngineSettings.defaults(), SyncPairs.instance().settingsOf(pair).orElseThrow(), "no limits until the user sets some");

            PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), SyncPreferencePage.ID,
                    new String[] { SyncPreferencePage.ID }, null);
            dialog.setBlockOnOpen(false);
            dialog.open();
            Shell shell = dialog.getShell();
            Button ok = UiEvents.find(shell, Button.class, b -> b.getText().replace("&", "").equals("Apply and Close"));
            PreferencePage prefs = (PreferencePage) dialog.getSelectedPage();
            Text up = fieldLabelled(shell, "Upload limit (KiB/s):");
            Text down = fieldLabelled(shell, "Download limit (KiB/s):");

            type(up, "-5");
            assertEquals("Upload limit (KiB/s) must be a whole number from 0 to 1048576.", prefs.getErrorMessage());
            assertFalse(ok.isEnabled(), "a negative limit cannot be applied");
            type(up, "fast");
            assertFalse(ok.isEnabled(), "nor a word");
            type(up, "512");
            type(down, "2048");
            assertEquals(null, prefs.getErrorMessage());
            assertTrue(ok.isEnabled());
            Screenshots.save(shell, "sync-preferences.png");
            ok.notifyListeners(SWT.Selection, new Event());
            UiEvents.flush();
            assertTrue(shell.isDisposed(), "Apply and Close closes the dialog");

            EngineSettings limited = UiEvents.waitFor("the pair's engine restarted with the limits",
                    () -> SyncPairs.instance().settingsOf(pair).filter(s -> s.uploadLimit() == 512 * 1024).orElse(null), 30);
            assertEquals(2048 * 1024, limited.downloadLimit());
            assertEquals(512, SyncPreferences.current().uploadLimit() / 1024, "kept in the preferences");
            UiEvents.waitUntil("the view to name the limits", () -> view.getContentDescription()
                    .equals("1 pair; upload limited to 512.0 KiB/s, download limited to 2.0 MiB/s (Window > Preferences > Sync)"));

            // the page stored its fields one by one; the engine restarted once for all of them, not once a field
            long settled = System.currentTimeMillis() + 1000;
            UiEvents.waitUntil("a second more", () -> System.currentTimeMillis() > settled);
            assertSame(limited, SyncPairs.instance().settingsOf(pair).orElseThrow(), "one restart for one Apply");

            // the restarted engine syncs: a file written now reaches the hub
            Files.writeString(dir.resolve("after-limits.txt"), "still in step");
            UiEvents.waitUntil("after-limits.txt on the hub", () -> HubRevisions.of(hub, "limited", "after-limits.txt") > 0);
            UiEvents.waitUntil("up to date", () -> "up to date".equals(view.stateOf(dir)));
        } finally {
            TestPairs.remove(dir);
            clearPreferences();
        }
    }

    /** The text field a field editor put right after its label. */
    private static Text fieldLabelled(Shell shell, String label) {
        Label l = UiEvents.find(shell, Label.class, x -> x.getText().replace("&", "").equals(label));
        List<Control> siblings = List.of(l.getParent().getChildren());
        return (Text) siblings.get(siblings.indexOf(l) + 1);
    }

    /** Replaces the field's text as typing does: the field editor checks the value when a key is released. */
    private static void type(Text field, String text) {
        field.setText(text);
        field.notifyListeners(SWT.KeyUp, new Event());
        UiEvents.flush();
    }

    private static void clearPreferences() throws BackingStoreException {
        var node = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode(SyncPreferences.NODE);
        node.clear();
        node.flush();
    }
}
