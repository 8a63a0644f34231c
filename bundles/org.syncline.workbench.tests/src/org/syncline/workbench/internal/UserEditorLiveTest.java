package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.admin.internal.ui.UserEditor;
import org.syncline.admin.internal.ui.UsersView;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionState;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.ui.SyncPerspective;
import org.syncline.testing.ServerProcess;
import org.syncline.ui.ConnectedServer;

/**
 * The user editor against a real server with the hub role, reached from the Sync perspective's Users view:
 * Enter opens one user per tab, edits mark it dirty, Save (Ctrl+S) writes admin flag, disabled, password,
 * groups and the sync quota contributed by the sync UI, and a refusal shows as its sentence.
 */
class UserEditorLiveTest {
    private static final long MIB = 1024L * 1024;
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-user-editor");

    @Test
    void anAdminEditsAUserFromTheSyncPerspectiveAndSavesWithCtrlS() throws Exception {
        try (UsersPage ui = UsersPage.open(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            Table table = ((org.eclipse.jface.viewers.TableViewer) ui.users().getViewSite().getSelectionProvider()).getTable();
            AdminClient admin = new AdminClient(other);
            admin.addUser("vera", "vera-password-1".toCharArray(), false);
            admin.addGroup("auditors");
            UiEvents.waitUntil("vera's row", () -> UsersViewLiveTest.row(table, "vera") != null);

            // Open User (Enter in the view) on the selected row
            ui.page().activate(ui.users());
            table.setSelection(UsersViewLiveTest.row(table, "vera"));
            ui.users().getViewSite().getSelectionProvider().setSelection(new org.eclipse.jface.viewers.StructuredSelection(UsersViewLiveTest.row(table, "vera").getData()));
            ui.handlers().executeCommand("org.syncline.admin.ui.openUser", null);
            UserEditor editor = UiEvents.waitFor("vera's editor", () -> ui.page().getActiveEditor() instanceof UserEditor e ? e : null);
            assertEquals("vera", editor.getPartName());
            Text quota = UiEvents.waitFor("the editor's fields, with the sync quota section", () -> (Text) ui.field("quota"));
            assertEquals("0", quota.getText());
            assertEquals("0 B used", ((Label) ui.field("quotaUsed")).getText());
            assertFalse(editor.isDirty());

            click((Button) ui.field("admin"));
            assertTrue(editor.isDirty(), "an edit marks the tab dirty");
            Table groups = (Table) ui.field("groups");
            TableItem auditors = List.of(groups.getItems()).stream().filter(i -> i.getText().equals("auditors")).findFirst().orElseThrow();
            auditors.setChecked(true);
            Event check = new Event();
            check.detail = SWT.CHECK;
            check.item = auditors;
            groups.notifyListeners(SWT.Selection, check);

            // a bad quota is refused before anything is sent
            quota.setText("lots");
            ui.save();
            assertTrue(editor.message().contains("whole number of MiB"), editor.message());
            assertTrue(editor.isDirty());
            assertFalse(user(admin, "vera").admin(), "nothing was sent");

            quota.setText("7");
            ((Text) ui.field("password")).setText("vera-password-2");
            ((Text) ui.field("confirm")).setText("vera-password-2");
            ui.save();
            UiEvents.waitUntil("the save", () -> !editor.isDirty());
            UserInfo vera = user(admin, "vera");
            assertTrue(vera.admin());
            assertEquals(List.of("auditors"), vera.groups());
            assertEquals(7 * MIB, new SyncClient(other).quota("vera").limit());
            UiEvents.waitUntil("the reloaded quota", () -> ui.field("quotaUsed") instanceof Label l && l.getText().equals("0 B used of 7.0 MiB"));
            Screenshots.save(ui.window().getShell().getDisplay(), "user-editor.png");

            // Disabled, saved: vera's open session closes
            try (Connection veraSession = server.connect("vera", "vera-password-2")) {
                click(UiEvents.waitFor("the reloaded fields", () -> (Button) ui.field("disabled")));
                ui.save();
                UiEvents.waitUntil("the second save", () -> !editor.isDirty());
                assertTrue(user(admin, "vera").disabled());
                UiEvents.waitUntil("vera's session to close", () -> veraSession.state() != ConnectionState.CONNECTED);
            }

            // a refusal by the server shows as its sentence and the edit stays: an admin cannot disable themself
            UserEditor self = ui.users().openEditor(ui.connected(), "admin");
            Button selfDisabled = UiEvents.waitFor("admin's fields", () -> ui.field("disabled") instanceof Button b && !b.getSelection() ? b : null);
            click(selfDisabled);
            ui.save();
            UiEvents.waitUntil("the refusal", () -> self.message().contains("cannot disable the user you are logged in as"));
            assertTrue(self.isDirty(), "the refused edit stays for the admin to undo");
            assertFalse(user(admin, "admin").disabled());
            ui.page().closeEditor(self, false);
            ui.page().closeEditor(editor, false);
        }
    }

    /**
     * Changes made elsewhere (another admin's session) reach an open editor: shown at once while nothing is edited;
     * with edits, the edits stay and a sentence at the top offers Reload, which shows the server's user.
     */
    @Test
    void anOpenEditorFollowsChangesMadeElsewhereAndKeepsEditsUntilReload() throws Exception {
        try (UsersPage ui = UsersPage.open(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            AdminClient admin = new AdminClient(other);
            admin.addUser("walt", "walt-password-1".toCharArray(), false);
            UserEditor editor = ui.users().openEditor(ui.connected(), "walt");
            Button adminCheck = UiEvents.waitFor("walt's fields", () -> ui.field("admin") instanceof Button b ? b : null);
            assertFalse(adminCheck.getSelection());

            // nothing edited here: another admin's changes show at once, a new group included
            admin.setAdmin("walt", true);
            admin.addGroup("night-shift");
            admin.addMember("night-shift", "walt");
            UiEvents.waitUntil("the admin flag and the new group pushed into the open editor", () -> ui.field("admin") instanceof Button b
                    && b.getSelection() && ui.field("groups") instanceof Table t
                    && List.of(t.getItems()).stream().anyMatch(i -> i.getText().equals("night-shift") && i.getChecked()));
            assertFalse(editor.isDirty());
            assertEquals("", editor.message());

            // an edit here, then a change elsewhere: the edit stays, the editor says so and offers Reload
            click((Button) ui.field("disabled"));
            assertTrue(editor.isDirty());
            admin.setAdmin("walt", false);
            UiEvents.waitUntil("the sentence that walt changed on the server", () -> editor.message().contains("walt changed on the server"));
            assertTrue(((Button) ui.field("admin")).getSelection(), "the fields keep what this editor shows until Reload");
            assertTrue(((Button) ui.field("disabled")).getSelection(), "the edit stays");
            assertTrue(editor.isDirty());
            org.eclipse.swt.widgets.Link reload = (org.eclipse.swt.widgets.Link) ui.field("reload");
            assertNotNull(reload, "Reload is offered");
            reload.notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("the reloaded user", () -> ui.field("admin") instanceof Button b && !b.getSelection()
                    && ui.field("disabled") instanceof Button d && !d.getSelection() && ui.field("reload") == null);
            assertFalse(editor.isDirty(), "Reload drops the edits");
            assertFalse(user(admin, "walt").disabled(), "nothing was saved");

            // after a save the tab's dirty marker goes with the save, and the saved value is shown
            click((Button) ui.field("disabled"));
            ui.save();
            UiEvents.waitUntil("the save", () -> !editor.isDirty());
            assertTrue(user(admin, "walt").disabled());
            UiEvents.waitUntil("the reloaded fields", () -> ui.field("disabled") instanceof Button d && d.getSelection()
                    && editor.message().equals("walt is disabled."));
            ui.page().closeEditor(editor, false);
        }
    }

    /**
     * The hub pushes a quota set elsewhere (the CLI, another admin's client) into an open editor: shown at once while
     * nothing is edited; the space used, when it crosses the quota, updates in place and keeps edits; a new limit
     * over edits is said, with Reload. A save of other edits keeps a limit the field cannot show exactly.
     */
    @Test
    void anOpenEditorFollowsTheSyncQuotaSetElsewhereAndItsUsageCrossingIt() throws Exception {
        try (UsersPage ui = UsersPage.open(); Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            new AdminClient(other).addUser("yara", "yara-password-1".toCharArray(), false);
            SyncClient otherAdmin = new SyncClient(other);
            UserEditor editor = ui.users().openEditor(ui.connected(), "yara");
            UiEvents.waitUntil("yara's quota field", () -> ui.field("quota") instanceof Text t && t.getText().equals("0"));

            // nothing edited here: a quota set through the CLI shows at once
            var set = server.process().cli(java.util.Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD),
                    "folder", "quota", "yara", Long.toString(3 * MIB));
            assertEquals(0, set.exitCode(), set.stderr());
            UiEvents.waitUntil("the quota set by the CLI pushed into the open editor", () -> ui.field("quota") instanceof Text t
                    && t.getText().equals("3") && ui.field("quotaUsed") instanceof Label l && l.getText().equals("0 B used of 3.0 MiB"));
            assertFalse(editor.isDirty());
            assertEquals("", editor.message());

            // yara stores 4000 bytes; another admin's client sets 1000 bytes: she is over it, shown at once
            try (Connection yara = server.connect("yara", "yara-password-1")) {
                SyncClient y = new SyncClient(yara);
                y.create("yara-files");
                byte[] data = new byte[4000];
                new java.util.Random(3).nextBytes(data);
                String sha = org.syncline.core.Sha256.hex(data);
                y.putChunk("yara-files", sha, data);
                y.commit("yara-files", List.of(org.syncline.sync.FileChange.put("big.bin", 0, data.length, sha,
                        List.of(new org.syncline.core.chunk.ChunkRef(sha, data.length)))));
                otherAdmin.setQuota("yara", 1000);
                UiEvents.waitUntil("the quota set by another client, yara over it", () -> ui.field("quotaUsed") instanceof Label l
                        && l.getText().equals(String.format("%.1f KiB", 4000 / 1024.0) + " used of 1000 B: over the quota"));
                assertFalse(editor.isDirty());

                // an edit here; yara deletes her file: back under the quota, the label follows and the edit stays
                click((Button) ui.field("admin"));
                assertTrue(editor.isDirty());
                y.commit("yara-files", List.of(org.syncline.sync.FileChange.delete("big.bin", 1)));
                UiEvents.waitUntil("the usage crossing back under the quota", () -> ui.field("quotaUsed") instanceof Label l
                        && l.getText().equals("0 B used of 1000 B"));
                assertTrue(editor.isDirty(), "the edit stays");
                assertTrue(((Button) ui.field("admin")).getSelection());
                assertEquals("", editor.message(), "the space used is no news about what the editor saves");
            }

            // a new limit over the edit: said, with Reload; the edit stays until then
            otherAdmin.setQuota("yara", 2 * MIB);
            UiEvents.waitUntil("the sentence that yara's quota changed", () -> editor.message().contains("yara's sync quota changed on the server"));
            assertTrue(editor.isDirty());
            assertTrue(((Button) ui.field("admin")).getSelection(), "the edit stays");
            ((org.eclipse.swt.widgets.Link) ui.field("reload")).notifyListeners(SWT.Selection, new Event());
            UiEvents.waitUntil("the reloaded quota", () -> ui.field("quota") instanceof Text t && t.getText().equals("2")
                    && ui.field("admin") instanceof Button b && !b.getSelection() && ui.field("reload") == null);
            assertFalse(editor.isDirty());

            // 1000 bytes shows as 0 MiB; saving another edit leaves the limit as the hub holds it
            otherAdmin.setQuota("yara", 1000);
            UiEvents.waitUntil("the 1000-byte quota", () -> ui.field("quotaUsed") instanceof Label l && l.getText().equals("0 B used of 1000 B"));
            click((Button) ui.field("admin"));
            ui.save();
            UiEvents.waitUntil("the save", () -> !editor.isDirty());
            assertTrue(user(new AdminClient(other), "yara").admin());
            assertEquals(1000, otherAdmin.quota("yara").limit(), "an untouched quota field saves nothing");
            ui.page().closeEditor(editor, false);
        }
    }

    private static UserInfo user(AdminClient admin, String name) {
        return admin.users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    private static void click(Button check) {
        check.setSelection(!check.getSelection());
        check.notifyListeners(SWT.Selection, new Event());
    }

    /** The Sync perspective's Users view, the workbench connected to the test server as admin and that server selected. */
    private record UsersPage(IWorkbenchWindow window, IWorkbenchPage page, UsersView users, WorkbenchLink link) implements AutoCloseable {
        static UsersPage open() throws Exception {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            PlatformUI.getWorkbench().showPerspective(SyncPerspective.ID, window);
            IWorkbenchPage page = window.getActivePage();
            UsersView users = (UsersView) page.showView(UsersView.ID);
            assertNotNull(users, "the Sync perspective has the Users view");
            return new UsersPage(window, page, users, server.connectWorkbench().select());
        }

        IHandlerService handlers() {
            return window.getService(IHandlerService.class);
        }

        /** Save (Ctrl+S) on the active editor. */
        void save() throws Exception {
            handlers().executeCommand("org.eclipse.ui.file.save", null);
        }

        ConnectedServer connected() {
            return link.connected();
        }

        /** The visible control the editor names {@code name} (editors in hidden tabs are not visible). */
        Control field(String name) {
            return UiEvents.findVisible(window.getShell(), Control.class, c -> name.equals(c.getData(UserEditor.FIELD)));
        }

        /** The workbench lets go of the test server. */
        @Override
        public void close() {
            link.close();
        }
    }
}
