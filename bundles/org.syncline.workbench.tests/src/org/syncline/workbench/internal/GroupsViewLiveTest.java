package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.views.properties.IPropertySource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.admin.GroupInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.admin.internal.ui.AdministrationPerspective;
import org.syncline.admin.internal.ui.GroupsView;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * The Groups view of the Administration perspective against a real server: a group made with New Group (its dialog
 * checks the name as the server does and keeps the server's refusal in sight), members ticked in Edit Members, a
 * group made or joined through another connection showing without F5, Remove Group behind its confirmation, and the
 * sentences a non-admin and a workbench without a server see. What the view says is checked against the server
 * through a connection of its own.
 */
class GroupsViewLiveTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-groups");
    // the columns of the view
    private static final int NAME = 0;
    private static final int COUNT = 1;
    private static final int NAMES = 2;

    private static WorkbenchLink link;
    /** What went wrong inside a scripted dialog (a step threw), and whether the last script ran to its end. */
    private static Throwable scriptFailure;
    private static volatile boolean scriptDone;
    private static WorkbenchLink userLink;

    @AfterAll
    static void letGo() {
        // the next test class starts with no server in the workbench
        if (userLink != null) {
            userLink.close();
        }
        if (link != null) {
            link.close();
        }
    }

    @Test
    void groupsAreMadeFilledAndRemovedInTheViewAndFollowTheServersPushes() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        PlatformUI.getWorkbench().showPerspective(AdministrationPerspective.ID, window);
        IWorkbenchPage page = window.getActivePage();
        assertTrue(Arrays.asList(page.getShowViewShortcuts()).contains(GroupsView.ID), "Window > Show View lists the Groups view");
        assertTrue(page.findView(GroupsView.ID) instanceof GroupsView, "the perspective opens the Groups view");
        GroupsView view = (GroupsView) page.findView(GroupsView.ID);
        IHandlerService handlers = window.getService(IHandlerService.class);
        // no server in the workbench: a sentence says what to do instead of an empty table
        UiEvents.waitUntil("the no-server sentence", () -> view.emptyText() != null && view.emptyText().startsWith("Select a connected server"));

        link = server.connectWorkbench();
        String label = link.label();
        UiEvents.waitUntil("the empty group list of " + label, () -> view.emptyText() == null
                && view.getContentDescription().equals("No groups on " + label + " yet: New Group (Insert) makes one."));
        page.activate(view);
        UiEvents.flush();
        assertBound("org.syncline.admin.ui.newGroup", "INSERT");
        assertBound("org.syncline.admin.ui.removeGroup", "DEL");
        assertBound("org.syncline.admin.ui.refreshGroups", "F5");

        try (Connection other = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            AdminClient admin = new AdminClient(other);

            // New Group: a name the server would refuse keeps OK disabled and says why; a good one is made
            List<String> said = new ArrayList<>();
            script(GroupDialogTitle.NEW, List.of(
                    shell -> type(shell, "Editors"),
                    shell -> {
                        said.add(String.join("\n", UiEvents.texts(shell)));
                        return !ok(shell).isEnabled();
                    },
                    shell -> type(shell, "editors"),
                    shell -> ok(shell).isEnabled() && press(ok(shell))));
            handlers.executeCommand("org.syncline.admin.ui.newGroup", null);
            assertScriptRan();
            assertTrue(said.get(0).contains("'Editors' is not a valid group name"), "the dialog said: " + said);
            UiEvents.waitUntil("the new group's row", () -> row(view, "editors").isPresent());
            assertEquals(List.of("editors", "0", ""), row(view, "editors").orElseThrow());
            assertEquals(List.of(), members(admin, "editors"), "the server has the group, without members");
            Object selected = ((IStructuredSelection) view.getSite().getSelectionProvider().getSelection()).getFirstElement();
            assertEquals("editors", selected instanceof GroupInfo g ? g.name() : null, "the new group is selected");

            // a group made through another connection (as the CLI does) shows without F5, by push
            admin.addGroup("ops");
            UiEvents.waitUntil("ops, pushed", () -> row(view, "ops").isPresent());
            assertTrue(view.getContentDescription().equals("2 groups on " + label), view.getContentDescription());

            // New Group with a taken name: the server's sentence shows in the dialog, which stays open
            List<String> refused = new ArrayList<>();
            boolean[] stillOpen = new boolean[1];
            script(GroupDialogTitle.NEW, List.of(
                    shell -> type(shell, "ops"),
                    shell -> ok(shell).isEnabled() && press(ok(shell)),
                    shell -> {
                        String texts = String.join("\n", UiEvents.texts(shell));
                        if (!texts.contains("already exists")) {
                            return false;
                        }
                        refused.add(texts);
                        stillOpen[0] = !shell.isDisposed() && shell.isVisible();
                        return true;
                    },
                    shell -> press(button(shell, "Cancel"))));
            handlers.executeCommand("org.syncline.admin.ui.newGroup", null);
            assertScriptRan();
            assertEquals(1, refused.size(), "the server's refusal was shown");
            assertTrue(refused.get(0).contains("A group named 'ops' already exists; choose another name."), refused.get(0));
            assertTrue(stillOpen[0], "the dialog stayed open after the refusal");
            assertEquals(List.of("editors", "ops"), admin.groups().stream().map(GroupInfo::name).sorted().toList());

            // Edit Members: tick a user in the checked list; the count changes on the server and, by push, in the row
            admin.addUser("uma", "uma-password-1".toCharArray(), false);
            admin.addUser("ulf", "ulf-password-1".toCharArray(), false);
            assertTrue(view.select("editors"));
            List<Integer> shownAfterFilter = new ArrayList<>();
            script(GroupDialogTitle.MEMBERS, List.of(
                    shell -> {
                        Table users = UiEvents.find(shell, Table.class, t -> true);
                        return users != null && users.getItemCount() == 3; // admin, ulf, uma
                    },
                    shell -> {
                        Text filter = UiEvents.find(shell, Text.class, t -> (t.getStyle() & SWT.SEARCH) != 0);
                        filter.setText("um");
                        shownAfterFilter.add(UiEvents.find(shell, Table.class, t -> true).getItemCount());
                        return true;
                    },
                    shell -> tick(shell, "uma", true),
                    shell -> press(ok(shell))));
            handlers.executeCommand("org.syncline.admin.ui.editMembers", null);
            assertScriptRan();
            UiEvents.waitUntil("the member count in the row", () -> row(view, "editors").orElseThrow().equals(List.of("editors", "1", "uma")));
            assertEquals(List.of("uma"), members(admin, "editors"), "the server has uma in editors");
            assertEquals(List.of(1), shownAfterFilter, "the filter narrowed the list to uma");

            // a member added through another connection shows by push; the Members column sorts by count
            admin.addMember("ops", "uma");
            admin.addMember("ops", "ulf");
            UiEvents.waitUntil("ops' members, pushed", () -> row(view, "ops").orElseThrow().equals(List.of("ops", "2", "ulf, uma")));
            TableViewer viewer = (TableViewer) view.getSite().getSelectionProvider();
            viewer.getTable().getColumn(COUNT).notifyListeners(SWT.Selection, new Event());
            assertEquals("editors", view.rows().get(0).get(NAME), "fewest members first: " + view.rows());
            viewer.getTable().getColumn(COUNT).notifyListeners(SWT.Selection, new Event());
            assertEquals("ops", view.rows().get(0).get(NAME), "most members first: " + view.rows());

            // a long list of members is cut to the column's width, saying how many more there are; the Properties view
            // of the selected group shows them all
            admin.addGroup("crowd");
            for (int i = 1; i <= 30; i++) {
                String name = String.format("member-with-a-long-name-%02d", i);
                admin.addUser(name, "member-password-1".toCharArray(), false);
                admin.addMember("crowd", name);
            }
            UiEvents.waitUntil("crowd's 30 members, pushed", () -> row(view, "crowd").filter(r -> r.get(COUNT).equals("30")).isPresent());
            String names = row(view, "crowd").orElseThrow().get(NAMES);
            assertTrue(names.startsWith("member-with-a-long-name-01, ") && names.matches(".*, … \\(\\d+ more\\)"), names);
            assertTrue(view.select("crowd"));
            Object crowd = ((IStructuredSelection) view.getSite().getSelectionProvider().getSelection()).getFirstElement();
            IPropertySource props = Adapters.adapt(crowd, IPropertySource.class);
            assertNotNull(props, "groups adapt to the Properties view");
            assertTrue(((String) props.getPropertyValue("Member names")).endsWith("member-with-a-long-name-29, member-with-a-long-name-30"),
                    "the Properties view lists every member");
            admin.removeGroup("crowd");
            UiEvents.waitUntil("crowd's row to go, pushed", () -> row(view, "crowd").isEmpty());

            // Edit Members again: untick uma; the server takes her out
            assertTrue(view.select("editors"));
            script(GroupDialogTitle.MEMBERS, List.of(
                    shell -> UiEvents.find(shell, Table.class, t -> t.getItemCount() == 33) != null, // admin, ulf, uma, crowd's 30
                    shell -> tick(shell, "uma", false),
                    shell -> press(ok(shell))));
            handlers.executeCommand("org.syncline.admin.ui.editMembers", null);
            assertScriptRan();
            UiEvents.waitUntil("the row's count back to 0", () -> row(view, "editors").orElseThrow().get(COUNT).equals("0"));
            assertEquals(List.of(), members(admin, "editors"), "the server took uma out of editors");

            // Remove Group asks first: Cancel keeps the group, OK removes it
            assertTrue(view.select("ops"));
            String[] asked = new String[1];
            UiEvents.answerDialogWhenShown("Remove Group", "Cancel", asked);
            handlers.executeCommand("org.syncline.admin.ui.removeGroup", null);
            assertTrue(asked[0] != null && asked[0].contains("'ops'") && asked[0].contains("2 members"), "the confirmation: " + asked[0]);
            UiEvents.flush();
            assertTrue(admin.groups().stream().anyMatch(g -> g.name().equals("ops")), "cancelled: the group stays");
            assertTrue(view.select("ops"));
            UiEvents.answerDialogWhenShown("Remove Group", "OK", asked);
            handlers.executeCommand("org.syncline.admin.ui.removeGroup", null);
            UiEvents.waitUntil("ops' row to go", () -> row(view, "ops").isEmpty());
            assertTrue(asked[0].contains("Remove the group 'ops' from " + label + "?"), asked[0]);
            assertTrue(admin.groups().stream().noneMatch(g -> g.name().equals("ops")), "the server removed ops");
            assertEquals(List.of("ulf", "uma"), admin.users().stream().map(u -> u.name()).filter(n -> n.startsWith("u")).sorted().toList(),
                    "its members stay users");

            // a group removed through another connection goes by push too
            admin.removeGroup("editors");
            UiEvents.waitUntil("editors' row to go, pushed", () -> row(view, "editors").isEmpty()
                    && view.getContentDescription().startsWith("No groups on " + label));
        }

        // a user who is not an admin sees why there are no groups
        userLink = WorkbenchLink.connect(server.process(), "uma", "uma-password-1").select();
        userLink.connected();
        UiEvents.waitUntil("the non-admin sentence", () -> view.emptyText() != null
                && view.emptyText().equals(userLink.label() + " shows no groups: only administrators see its groups; connect as an administrator to manage them."));
        userLink.close();
        userLink = null;
        link.close();
        link = null;
        UiEvents.waitUntil("the no-server sentence again", () -> view.emptyText() != null && view.emptyText().startsWith("Select a connected server"));
    }

    /** The dialog titles the view opens. */
    private static final class GroupDialogTitle {
        static final String NEW = "New Group";
        static final String MEMBERS = "Edit Members";
    }

    private static void assertBound(String command, String key) throws Exception {
        TriggerSequence[] bound = PlatformUI.getWorkbench().getService(IBindingService.class).getActiveBindingsFor(command);
        assertTrue(Arrays.asList(bound).contains(KeySequence.getInstance(key)), command + " is on " + key + ": " + Arrays.toString(bound));
    }

    private static Optional<List<String>> row(GroupsView view, String name) {
        return view.rows().stream().filter(r -> r.get(NAME).equals(name)).findFirst();
    }

    private static List<String> members(AdminClient admin, String group) {
        return admin.groups().stream().filter(g -> g.name().equals(group)).findFirst().orElseThrow().members();
    }

    /**
     * Runs {@code steps} on the next dialog titled {@code title} once it shows, one after another: each is tried every
     * 100 ms until it says it is done. A dialog still open after 30 s is closed, so a failing test does not hang.
     */
    private static void script(String title, List<Predicate<Shell>> steps) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + 30_000;
        int[] next = { 0 };
        scriptFailure = null;
        scriptDone = false;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell shell : display.getShells()) {
                if (title.equals(shell.getText()) && shell.isVisible()) {
                    if (System.currentTimeMillis() > deadline) {
                        scriptFailure = new AssertionError("the dialog '" + title + "' was still at step " + next[0] + " after 30 s");
                        shell.close();
                        return;
                    }
                    try {
                        if (steps.get(next[0]).test(shell) && ++next[0] == steps.size()) {
                            scriptDone = true;
                            return;
                        }
                    } catch (RuntimeException | AssertionError e) {
                        scriptFailure = e;
                        shell.close();
                        return;
                    }
                }
            }
            if (System.currentTimeMillis() <= deadline + 1000) {
                display.timerExec(100, poll[0]);
            }
        };
        display.timerExec(100, poll[0]);
    }

    private static void assertScriptRan() throws InterruptedException {
        UiEvents.waitUntil("the scripted dialog to end", () -> scriptDone || scriptFailure != null);
        if (scriptFailure != null) {
            throw new AssertionError("a step in the dialog failed", scriptFailure);
        }
    }

    private static boolean type(Shell shell, String text) {
        UiEvents.find(shell, Text.class, t -> (t.getStyle() & SWT.READ_ONLY) == 0 && t.isEnabled()).setText(text);
        return true;
    }

    private static Button ok(Shell shell) {
        return button(shell, "OK");
    }

    private static Button button(Shell shell, String label) {
        Button b = UiEvents.find(shell, Button.class, x -> label.equals(x.getText().replace("&", "")));
        assertNotNull(b, "the dialog has a button " + label);
        return b;
    }

    private static boolean press(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
        return true;
    }

    /** Ticks or unticks the row of {@code user} as a click on its box does; false while it is not listed yet. */
    private static boolean tick(Shell shell, String user, boolean on) {
        Table users = UiEvents.find(shell, Table.class, t -> true);
        for (int i = 0; i < users.getItemCount(); i++) {
            TableItem item = users.getItem(i);
            if (item.getText().equals(user)) {
                item.setChecked(on);
                Event e = new Event();
                e.detail = SWT.CHECK;
                e.item = item;
                users.notifyListeners(SWT.Selection, e);
                return true;
            }
        }
        return false;
    }
}
