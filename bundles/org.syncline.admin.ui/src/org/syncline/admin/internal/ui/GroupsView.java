package org.syncline.admin.internal.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.contexts.IContextService;
import org.syncline.admin.GroupInfo;
import org.syncline.admin.UserInfo;
import org.syncline.ui.ColumnTable;
import org.syncline.ui.LiveTableView;
import org.syncline.ui.ServerJob;

/**
 * The groups of the server selected in the Servers view, with their members; kept current by the server's
 * {@code admin.users} pushes, so a group made with the CLI or by another admin shows at once. New Group (Insert or
 * Ctrl+N), Edit Members (Enter or Ctrl+Shift+M), Remove Group (Delete) and Refresh (F5) are commands of this bundle's
 * plugin.xml: on the toolbar, in the context menu and on their keys while the view is active. The server checks every
 * change.
 */
public final class GroupsView extends LiveTableView<GroupInfo, LiveGroups> implements LiveGroups.Listener {
    public static final String ID = "org.syncline.admin.ui.views.groups";
    static final String CONTEXT = "org.syncline.admin.ui.groupsContext";
    /** The column of the member names, which are cut to its width. */
    private static final int NAMES = 2;
    /** What a cell takes of its column's width around its text. */
    private static final int CELL_PADDING = 16;

    @Override
    protected ColumnTable<GroupInfo> createTable(Composite parent) {
        ColumnTable<GroupInfo> t = new ColumnTable<>(parent, List.of(
                ColumnTable.Column.text("Name", 140, GroupInfo::name),
                ColumnTable.Column.number("Members", 70, g -> String.valueOf(g.members().size()), g -> (long) g.members().size()),
                new ColumnTable.Column<>("Member Names", 260, this::memberNames, Comparator.comparing(g -> String.join(",", g.members())))),
                0, true, GroupInfo::name);
        // the names are cut to the column's width: a wider or narrower column shows more or fewer of them
        t.viewer().getTable().getColumn(NAMES).addListener(SWT.Resize, e -> t.viewer().refresh());
        return t;
    }

    /**
     * The members of {@code g} as the Member Names column shows them: as many names as fit its width, then how many
     * more there are ("alice, bob, … (12 more)"), rather than names cut in the middle.
     */
    private String memberNames(GroupInfo g) {
        List<String> m = g.members();
        Table t = table() == null ? null : table().viewer().getTable();
        int width = t == null ? 0 : t.getColumn(NAMES).getWidth() - CELL_PADDING;
        if (m.isEmpty() || width <= 0) {
            return String.join(", ", m);
        }
        GC gc = new GC(t);
        try {
            if (m.size() <= 64) {
                String all = String.join(", ", m);
                if (gc.textExtent(all).x <= width) {
                    return all;
                }
            }
            int shown = 1;
            while (shown < m.size() - 1 && gc.textExtent(cut(m, shown + 1)).x <= width) {
                shown++;
            }
            return cut(m, shown);
        } finally {
            gc.dispose();
        }
    }

    private static String cut(List<String> members, int shown) {
        return String.join(", ", members.subList(0, shown)) + ", … (" + (members.size() - shown) + " more)";
    }

    @Override
    protected void createActions() {
        // the toolbar and the menu's items are this bundle's plugin.xml commands, bound to keys in this view's context
        Control control = table().viewer().getControl();
        MenuManager menu = new MenuManager();
        control.setMenu(menu.createContextMenu(control));
        getSite().registerContextMenu(menu, table().viewer());
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        table().viewer().addOpenListener(e -> editMembers());
    }

    @Override
    protected void updateActions() {
        // the commands act on the selection when they run; each does nothing without one
    }

    @Override
    protected void key(Event e) {
        // every key is a binding of this view's context (plugin.xml), so it works while the table is hidden too
    }

    @Override
    protected LiveGroups follow(LiveGroups current) {
        return LiveGroups.follow(current, this);
    }

    @Override
    public void groupsChanged() {
        listChanged();
    }

    @Override
    protected void showList() {
        String why = live() == null ? "Select a connected server in the Servers view (File > Connect to Server... adds one) to see its groups."
                : live().problem();
        List<GroupInfo> groups = why != null ? List.of() : live().rows();
        show(why, groups, () -> groups.isEmpty()
                ? "No groups on " + live().server().label() + " yet: New Group (Insert) makes one."
                : groups.size() + (groups.size() == 1 ? " group on " : " groups on ") + live().server().label());
    }

    private GroupInfo selected() {
        return live() == null || live().problem() != null ? null : table().selected();
    }

    // --- actions (the commands of GroupsCommandHandler)

    /** Asks for a name and makes the group; the dialog stays open with the server's sentence when it refuses. */
    void newGroup() {
        LiveGroups on = live();
        if (on == null || on.problem() != null) {
            return;
        }
        GroupDialog d = new GroupDialog(getSite().getShell(), on);
        if (d.open() == Window.OK && live() == on) {
            table().select(d.made().name());
        }
    }

    /** Asks, then removes the selected group; its members stay users. */
    void removeGroup() {
        LiveGroups on = live();
        GroupInfo g = selected();
        if (g == null) {
            return;
        }
        int n = g.members().size();
        String members = n == 0 ? "It has no members."
                : (n == 1 ? "Its member stays a user but loses" : "Its " + n + " members stay users but lose")
                        + " the rights granted through it; their sessions close at once.";
        if (MessageDialog.openConfirm(getSite().getShell(), "Remove Group",
                "Remove the group '" + g.name() + "' from " + on.server().label() + "? " + members)) {
            ServerJob.schedule("Removing group " + g.name(), m -> {
                on.client().removeGroup(g.name());
                on.removed(g.name());
            });
        }
    }

    /** Reads the server's users, lets the admin tick the selected group's members, then makes the changes. */
    void editMembers() {
        LiveGroups on = live();
        GroupInfo g = selected();
        if (g == null) {
            return;
        }
        String reading = "Read the users of " + on.server().label();
        on.background(reading, c -> c.users(), users -> {
            // the members as they are now: a push may have changed them while the users were read
            GroupInfo now = on.rows().stream().filter(r -> r.name().equals(g.name())).findFirst().orElse(null);
            if (now == null || getSite().getShell() == null || getSite().getShell().isDisposed()) {
                return;
            }
            MembersDialog d = new MembersDialog(getSite().getShell(), now, on.server().label(), users.stream().map(UserInfo::name).toList());
            if (d.open() == Window.OK) {
                applyMembers(on, now, d.members());
            }
        }, why -> MessageDialog.openError(getSite().getShell(), reading, why));
    }

    /** Adds and takes out users so that {@code wanted} are the members of {@code g}. */
    private static void applyMembers(LiveGroups on, GroupInfo g, Set<String> wanted) {
        List<String> join = new ArrayList<>(wanted);
        join.removeAll(g.members());
        Set<String> leave = new HashSet<>(g.members());
        leave.removeAll(wanted);
        if (join.isEmpty() && leave.isEmpty()) {
            return;
        }
        ServerJob.schedule("Changing the members of " + g.name(), m -> {
            m.beginTask("Changing the members of " + g.name(), join.size() + leave.size());
            GroupInfo last = null;
            for (String user : join) {
                if (m.isCanceled()) {
                    break;
                }
                last = on.client().addMember(g.name(), user);
                m.worked(1);
            }
            for (String user : leave) {
                if (m.isCanceled()) {
                    break;
                }
                last = on.client().removeMember(g.name(), user);
                m.worked(1);
            }
            GroupInfo now = last;
            if (now != null) {
                on.changed(now);
            }
        });
    }

    /** Reads the groups again (F5). */
    void refresh() {
        if (live() != null) {
            live().reload();
        }
    }

    // --- for tests

    /** Selects the group {@code name} (as a click would); false when it is not listed. */
    public boolean select(String name) {
        return table().select(name);
    }
}
