package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.core.Sha256;
import org.syncline.protocol.Connection;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.FileChange;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.ui.ActivityView;
import org.syncline.sync.internal.ui.AddPairDialog;
import org.syncline.sync.internal.ui.ConflictsView;
import org.syncline.sync.internal.ui.HistoryView;
import org.syncline.sync.internal.ui.SharedFoldersView;
import org.syncline.sync.internal.ui.SyncFoldersView;
import org.syncline.sync.internal.ui.SyncPair;
import org.syncline.sync.internal.ui.SyncPairs;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.sync.internal.ui.TrashView;
import org.syncline.testing.ServerProcess;
import org.syncline.ui.ConnectedServer;

/**
 * The Sync perspective, contributed by the sync capability's UI bundle alone, against a real hub: a pair
 * added through the view's Add Pair code path runs its engine in the workbench, local files reach the hub and
 * a second client's commits reach the directory, pause holds uploads back and resume sends them, the
 * Trash, History and Activity views show the selected pair's folder, and a conflict copy is resolved.
 */
class SyncViewLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-sync");

    @Test
    void aPairSyncsBothWaysPausesResumesAndItsFolderShowsTrashHistoryAndActivity() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        SyncFoldersView view = (SyncFoldersView) page.findView(SyncFoldersView.ID);
        assertNotNull(view, "the perspective opens the Sync Folders view");
        assertNotNull(page.findView(HistoryView.ID), "the perspective has the History view");

        Path dir = Files.createTempDirectory("syncline-ui-pair");
        try (WorkbenchLink link = server.connectWorkbench(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            SyncClient hub = new SyncClient(other);
            hub.create("team");
            ConnectedServer connected = link.connected();

            // what Add Pair does once its dialog is answered
            view.addPair(connected, dir, "team");
            UiEvents.waitUntil("the pair to sync", () -> "up to date".equals(view.stateOf(dir)));
            Screenshots.save(window.getShell().getDisplay(), "sync-folders-toolbar.png");
            SyncPair pair = TestPairs.of(dir);
            assertEquals(link.label(), pair.server());
            List<String> row = view.rowOf(dir);
            assertNotNull(row, "the table shows the pair");
            assertEquals(List.of(dir.toString(), link.label() + "/team", "up to date"), row.subList(0, 3));

            // local -> hub
            Files.writeString(dir.resolve("notes.txt"), "first");
            UiEvents.waitUntil("notes.txt on the hub", () -> HubRevisions.of(hub, "team", "notes.txt") > 0);
            // hub -> local
            hub.commit("team", List.of(put(hub, "team", "from-ben.txt", 0, "hello from another client")));
            UiEvents.waitUntil("from-ben.txt in the directory", () -> Files.exists(dir.resolve("from-ben.txt")));
            assertEquals("hello from another client", Files.readString(dir.resolve("from-ben.txt")));
            UiEvents.waitUntil("up to date again", () -> "up to date".equals(view.stateOf(dir)));

            // pause holds uploads back, resume sends them
            SyncPairs.instance().pause(pair);
            UiEvents.waitUntil("paused", () -> "paused".equals(view.stateOf(dir)));
            Files.writeString(dir.resolve("while-paused.txt"), "held back");
            SyncPairs.instance().syncNow(pair);
            long until = System.currentTimeMillis() + 2000;
            UiEvents.waitUntil("two seconds", () -> System.currentTimeMillis() > until);
            assertEquals(0, HubRevisions.of(hub, "team", "while-paused.txt"), "a paused pair uploads nothing");
            assertEquals("paused", view.stateOf(dir));
            SyncPairs.instance().resume(pair);
            UiEvents.waitUntil("the held-back file on the hub", () -> HubRevisions.of(hub, "team", "while-paused.txt") > 0);

            // the other views follow the pair selected in the Sync Folders view
            page.showView(TrashView.ID);
            TrashView trash = (TrashView) page.findView(TrashView.ID);
            view.getViewSite().getSelectionProvider().setSelection(new StructuredSelection(pair));
            trash.follow(pair);
            Files.delete(dir.resolve("from-ben.txt"));
            UiEvents.waitUntil("from-ben.txt in the Trash view, by push",
                    () -> trash.rows().stream().anyMatch(e -> e.path().equals("from-ben.txt")));
            UiEvents.waitUntil("the delete counted in the Progress column", () -> view.rowOf(dir).get(3).endsWith(", 1 deleted"));
            trash.getViewSite().getSelectionProvider().setSelection(new StructuredSelection(
                    trash.rows().stream().filter(e -> e.path().equals("from-ben.txt")).findFirst().orElseThrow()));
            trash.restore();
            UiEvents.waitUntil("from-ben.txt back in the directory", () -> Files.exists(dir.resolve("from-ben.txt")));
            UiEvents.waitUntil("the Trash view to drop it", () -> trash.rows().stream().noneMatch(e -> e.path().equals("from-ben.txt")));

            page.showView(HistoryView.ID);
            HistoryView history = (HistoryView) page.findView(HistoryView.ID);
            history.follow(pair);
            Files.writeString(dir.resolve("notes.txt"), "second, edited");
            UiEvents.waitUntil("the edit on the hub", () -> HubRevisions.of(hub, "team", "notes.txt") == 2);
            history.showFile("notes.txt");
            // the rows shown before (from-ben.txt's, followed from the Trash view's selection) stay until notes.txt's
            // are read: the description names the file the rows are of
            UiEvents.waitUntil("notes.txt's two revisions in the History view", () -> "2 revisions of notes.txt".equals(history.getContentDescription()));
            assertEquals(2, history.rows().size());
            assertEquals("admin", history.rows().get(0).author());
            // Download saves the older revision, byte for byte, to a file outside the pair
            org.syncline.sync.Revision older = history.rows().get(1);
            Path saved = Files.createTempDirectory("syncline-ui-download").resolve("notes (revision " + older.number() + ").txt");
            org.eclipse.core.runtime.jobs.Job downloading = history.download(older, saved);
            assertNotNull(downloading, "the pair's server is connected");
            UiEvents.waitUntil("the download job", () -> downloading.getState() == org.eclipse.core.runtime.jobs.Job.NONE && downloading.getResult() != null);
            org.junit.jupiter.api.Assertions.assertArrayEquals("first".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(saved));
            try (var left = Files.list(saved.getParent())) {
                assertEquals(List.of(saved), left.toList(), "no temp file is left beside it");
            }

            page.showView(ActivityView.ID);
            ActivityView activity = (ActivityView) page.findView(ActivityView.ID);
            activity.follow(pair);
            UiEvents.waitUntil("the activity of the folder",
                    () -> activity.rows().stream().anyMatch(r -> r.path().equals("while-paused.txt")));

            // the History view follows a row selected in the Activity view; Show History (Enter, Ctrl+Shift+H) opens it there
            activity.getViewSite().getSelectionProvider().setSelection(new StructuredSelection(
                    activity.rows().stream().filter(r -> r.path().equals("while-paused.txt")).findFirst().orElseThrow()));
            UiEvents.waitUntil("the History view on while-paused.txt", () -> "1 revision of while-paused.txt".equals(history.getContentDescription()));
            page.activate(activity);
            activity.getViewSite().getSelectionProvider().setSelection(new StructuredSelection(
                    activity.rows().stream().filter(r -> r.path().equals("notes.txt")).findFirst().orElseThrow()));
            activity.getViewSite().getService(org.eclipse.ui.handlers.IHandlerService.class).executeCommand("org.syncline.sync.ui.showHistory", null);
            UiEvents.waitUntil("Show History to bring the History view up on notes.txt",
                    () -> page.getActivePart() == history && "2 revisions of notes.txt".equals(history.getContentDescription()));
            page.showView(ActivityView.ID);

            // a conflict copy shows in the pair's state and the Conflicts view; Keep Theirs puts its content in the original
            Path copy = dir.resolve("notes (conflict ben 2026-01-02 030405).txt");
            Files.writeString(copy, "theirs");
            page.showView(ConflictsView.ID);
            ConflictsView conflicts = (ConflictsView) page.findView(ConflictsView.ID);
            UiEvents.waitUntil("the pair to count the copy", () -> "1 conflict".equals(view.stateOf(dir)));
            assertEquals(1, conflicts.rows().size());
            assertEquals(dir.resolve("notes.txt"), conflicts.rows().get(0).copy().original());
            // Compare (Ctrl+D) shows both sides' contents in the Compare dialog
            page.activate(conflicts);
            conflicts.getViewSite().getSelectionProvider().setSelection(new StructuredSelection(conflicts.rows().get(0)));
            String[] compared = new String[2];
            closeCompareDialogWhenShown(compared);
            conflicts.getViewSite().getService(org.eclipse.ui.handlers.IHandlerService.class).executeCommand("org.syncline.sync.ui.compare", null);
            UiEvents.waitUntil("the Compare dialog, shown and closed", () -> compared[0] != null);
            assertTrue(compared[0].contains("conflict copy"), "titled for the copy: " + compared[0]);
            assertTrue(compared[1].contains("second, edited") && compared[1].contains("theirs"), "both contents shown: " + compared[1]);
            ConflictsView.keepTheirs(conflicts.rows().get(0).copy());
            assertEquals("theirs", Files.readString(dir.resolve("notes.txt")));
            assertFalse(Files.exists(copy), "Keep Theirs deletes the copy");
            UiEvents.waitUntil("the kept content on the hub", () -> HubRevisions.of(hub, "team", "notes.txt") == 3);
            UiEvents.waitUntil("no conflict left", () -> "up to date".equals(view.stateOf(dir)));

            // Shared Folders: share 'team' with ben for write, set ben's quota
            new org.syncline.admin.client.AdminClient(other).addUser("ben", "ben-secret-1".toCharArray(), false);
            page.showView(SharedFoldersView.ID);
            SharedFoldersView shared = (SharedFoldersView) page.findView(SharedFoldersView.ID);
            UiEvents.waitUntil("the folder list", () -> shared.folders().stream().anyMatch(f -> f.name().equals("team")));
            shared.select("team");
            shared.share("team", "user", "ben", "write");
            UiEvents.waitUntil("ben among the members", () -> shared.members().stream().anyMatch(m -> m.subject().equals("ben") && m.right().equals("write")));
            shared.setQuota("ben", 5L * 1024 * 1024);
            UiEvents.waitUntil("ben's quota", () -> shared.getContentDescription().equals("Quota of ben: 5.0 MiB, 0 B used."));
            assertEquals(5L * 1024 * 1024, hub.quota("ben").limit());

            // Change Right (F2, Enter on a member) shows ben's right and changes it on the server
            page.activate(shared);
            shared.selectMember("ben");
            var handlers = shared.getViewSite().getService(org.eclipse.ui.handlers.IHandlerService.class);
            String[] changeSaid = new String[1];
            UiEvents.whenDialogShown("Change Right", changeSaid, shell -> {
                org.eclipse.swt.widgets.Combo right = UiEvents.find(shell, org.eclipse.swt.widgets.Combo.class,
                        c -> java.util.Arrays.asList(c.getItems()).contains("manage"));
                org.eclipse.swt.widgets.Button change = UiEvents.find(shell, org.eclipse.swt.widgets.Button.class,
                        b -> b.getText().replace("&", "").equals("Change"));
                if (right == null || change == null) {
                    return false;
                }
                assertEquals("write", right.getText(), "the dialog starts from ben's right");
                right.select(right.indexOf("read"));
                change.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                return true;
            });
            handlers.executeCommand("org.syncline.sync.ui.changeRight", null);
            UiEvents.waitUntil("ben's right changed to read", () -> shared.members().stream().anyMatch(m -> m.subject().equals("ben") && m.right().equals("read")));
            assertTrue(changeSaid[0].contains("Change ben's right on team"), changeSaid[0]);

            // Add Member suggests the names the hub has for what is typed in Name, but not the folder's members (ben)
            new org.syncline.admin.client.AdminClient(other).addUser("bea", "bea-secret-1".toCharArray(), false);
            shared.select("team");
            List<String> suggested = UiEvents.nameSuggestions("Add Member", "b", () -> handlers.executeCommand("org.syncline.sync.ui.addMember", null));
            assertEquals(List.of("bea"), suggested, "the users whose names start with 'b', but ben, a member already");

            // Delete Folder asks first, Cancel keeps the folder; Delete Folder deletes it on the server
            org.eclipse.core.runtime.jobs.Job creating = shared.createFolder("scratch");
            creating.join();
            UiEvents.waitUntil("the new folder listed", () -> shared.folders().stream().anyMatch(f -> f.name().equals("scratch")));
            shared.select("scratch");
            String[] asked = new String[1];
            UiEvents.answerDialogWhenShown("Delete Folder", "Cancel", asked);
            handlers.executeCommand("org.syncline.sync.ui.deleteFolder", null);
            assertTrue(asked[0] != null && asked[0].contains("Delete the shared folder 'scratch'") && asked[0].contains("0 files"), asked[0]);
            assertTrue(hub.list().stream().anyMatch(f -> f.name().equals("scratch")), "Cancel keeps it");
            String[] confirmed = new String[1];
            UiEvents.answerDialogWhenShown("Delete Folder", "Delete Folder", confirmed);
            handlers.executeCommand("org.syncline.sync.ui.deleteFolder", null);
            UiEvents.waitUntil("the folder gone from the view", () -> shared.folders().stream().noneMatch(f -> f.name().equals("scratch")));
            assertTrue(hub.list().stream().noneMatch(f -> f.name().equals("scratch")), "deleted on the server");

            // Remove Pair stops the engine and deletes nothing
            SyncPairs.instance().remove(pair);
            UiEvents.waitUntil("the pair to go", () -> view.stateOf(dir) == null);
            assertFalse(TestPairs.find(dir).isPresent(), "the pair is forgotten");
            assertTrue(Files.exists(dir.resolve("notes.txt")), "removing a pair deletes no file");
        } finally {
            TestPairs.remove(dir);
        }
    }

    /** Closes the next Compare dialog (any shell but the workbench window's) once its text viewers are filled, keeping its title and texts. */
    private static void closeCompareDialogWhenShown(String[] titleAndTexts) {
        org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
        org.eclipse.swt.widgets.Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (org.eclipse.swt.widgets.Shell shell : display.getShells()) {
                if (shell != main && shell.isVisible()) {
                    String texts = String.join("\n", UiEvents.texts(shell));
                    if (texts.contains("theirs")) {
                        titleAndTexts[1] = texts;
                        titleAndTexts[0] = shell.getText();
                        shell.close();
                        return;
                    }
                }
            }
            display.timerExec(100, poll[0]);
        };
        display.timerExec(100, poll[0]);
    }

    @Test
    void addPairAsksForWhatIsMissingAndCallsOnlyWrongInputAnError() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        try (WorkbenchLink link = server.connectWorkbench()) {
            link.connected(); // the dialog offers the servers connected when it opens
            AddPairDialog dialog = new AddPairDialog(window.getShell());
            dialog.setBlockOnOpen(false);
            dialog.open();
            try {
                org.eclipse.swt.widgets.Shell shell = dialog.getShell();
                org.eclipse.swt.widgets.Text dir = UiEvents.find(shell, org.eclipse.swt.widgets.Text.class,
                        t -> (t.getStyle() & org.eclipse.swt.SWT.READ_ONLY) == 0); // not the title area's message
                org.eclipse.swt.widgets.Combo folder = UiEvents.find(shell, org.eclipse.swt.widgets.Combo.class, c -> (c.getStyle() & org.eclipse.swt.SWT.READ_ONLY) == 0);
                org.eclipse.swt.widgets.Button add = UiEvents.find(shell, org.eclipse.swt.widgets.Button.class, b -> "&Add".equals(b.getText()));
                // nothing typed yet: an instruction, not an error, and Add disabled
                assertEquals(null, dialog.getErrorMessage());
                assertEquals("Choose the local directory to keep in step with a folder of the server.", dialog.getMessage());
                assertFalse(add.isEnabled());
                dir.setText("relative/dir");
                assertEquals("The local directory must be an absolute path.", dialog.getErrorMessage());
                assertFalse(add.isEnabled());
                dir.setText(Files.createTempDirectory("syncline-ui-add").toString());
                assertEquals(null, dialog.getErrorMessage());
                assertEquals("Choose a folder of the server, or type the name of a new one (the server creates it).", dialog.getMessage());
                assertFalse(add.isEnabled());
                folder.setText("new-folder");
                assertEquals(null, dialog.getErrorMessage());
                assertTrue(add.isEnabled());
                Screenshots.save(shell, "sync-add-pair-filled.png");
            } finally {
                dialog.close();
            }
        }
    }

    private static FileChange put(SyncClient client, String folder, String path, long base, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(data);
        if (!client.missingChunks(folder, List.of(sha)).isEmpty()) {
            client.putChunk(folder, sha, data);
        }
        return FileChange.put(path, base, data.length, sha, List.of(new ChunkRef(sha, data.length)));
    }
}
