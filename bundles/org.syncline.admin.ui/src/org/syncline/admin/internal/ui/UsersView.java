package org.syncline.admin.internal.ui;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.admin.ui.UserColumn;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The users of the server selected in the Servers view, with their role and groups; it follows the
 * selection, and the server pushes every change so two admins see the same list.
 */
public final class UsersView extends ViewPart {
    public static final String ID = "org.syncline.admin.ui.views.users";

    private TableViewer viewer;
    private UiRunner ui;
    private final Runnable serversChanged = this::serverMaybeChanged;
    private volatile ConnectedServer shown;
    private AdminClient followed;
    private AutoCloseable following;
    /** Columns other capabilities add (the sync quota): each holds the values of every user, read in one request. */
    private final List<UserColumn> contributed = Contributions.create(Contributions.COLUMNS, UserColumn.class, "Users view column");
    private final List<AutoCloseable> followingColumns = new java.util.ArrayList<>();
    /** The rows shown, by name: a contributed column's push redraws one row. */
    private java.util.Map<String, UserInfo> rows = java.util.Map.of();

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        // virtual: rows are made as they scroll into view, so a server with 100,000 users stays quick
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.VIRTUAL);
        viewer.setUseHashlookup(true);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Name", 130, u -> u.name(), java.util.Comparator.comparing(UserInfo::name));
        column("Admin", 60, u -> u.admin() ? "yes" : "", java.util.Comparator.comparing(UserInfo::admin).reversed());
        column("Disabled", 70, u -> u.disabled() ? "disabled" : "", java.util.Comparator.comparing(UserInfo::disabled).reversed());
        column("Groups", 160, u -> String.join(", ", u.groups()), java.util.Comparator.comparing(u -> String.join(",", u.groups())));
        column("Created", Formats.timeWidth(table, "Created"), u -> Formats.time(u.created()), java.util.Comparator.comparing(UserInfo::created));
        for (UserColumn c : contributed) {
            column(c.title(), c.width(), u -> c.text(u.name()), java.util.Comparator.comparing(UserInfo::name, c.order()));
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        getSite().setSelectionProvider(viewer);
        viewer.addOpenListener(e -> openSelectedUser());
        MenuManager menu = new MenuManager();
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
        getSite().getService(IContextService.class).activateContext("org.syncline.admin.ui.usersContext");
        Servers.addListener(serversChanged);
        serverMaybeChanged();
    }

    private void column(String title, int width, java.util.function.Function<UserInfo, String> text,
            java.util.Comparator<UserInfo> order) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(org.syncline.ui.ColumnTable.widthFor(viewer.getTable(), width, title));
        c.getColumn().addListener(SWT.Selection, e -> sortBy(c.getColumn(), order));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((UserInfo) element);
            }
        });
    }

    /** Sorts by the clicked column; a second click reverses. The server's list order is by name. */
    private void sortBy(org.eclipse.swt.widgets.TableColumn column, java.util.Comparator<UserInfo> order) {
        Table table = viewer.getTable();
        boolean up = table.getSortColumn() != column || table.getSortDirection() != SWT.UP;
        table.setSortColumn(column);
        table.setSortDirection(up ? SWT.UP : SWT.DOWN);
        java.util.Comparator<UserInfo> chosen = up ? order : order.reversed();
        viewer.setComparator(new org.eclipse.jface.viewers.ViewerComparator() {
            @Override
            public int compare(org.eclipse.jface.viewers.Viewer v, Object a, Object b) {
                return chosen.compare((UserInfo) a, (UserInfo) b);
            }
        });
    }

    private void serverMaybeChanged() {
        ConnectedServer now = Servers.selected().filter(ConnectedServer::isConnected).orElse(null);
        if (now != shown) {
            shown = now;
            refresh();
        }
    }

    /** Reads the list again, in a job. */
    void refresh() {
        ConnectedServer server = shown;
        if (server == null) {
            stopFollowing();
            ui.execute(() -> show(null, List.of()));
            return;
        }
        ServerJob.schedule("Reading the users of " + server.label(), monitor -> {
            AdminClient client = client(server);
            List<UserInfo> users;
            try {
                // follow the pushes before reading: a change made after the read is pushed, none falls between
                if (shown != server) {
                    return; // another server (or none) was chosen meanwhile
                }
                follow(client, server);
                users = client.users();
            } catch (org.syncline.core.SynclineException e) {
                if (e.code() != org.syncline.core.ErrorCode.ACCESS_DENIED) {
                    throw e;
                }
                // this view sits in the Sync perspective too, which users who are not admins open
                ui.execute(() -> {
                    show(server, List.of());
                    setContentDescription("Only administrators see the users of " + server.label() + ".");
                });
                return;
            }
            for (UserColumn c : contributed) {
                try {
                    c.load(server);
                } catch (org.syncline.core.SynclineException e) {
                    // the users still show; the column's cells stay empty and the Error Log says why
                    org.syncline.ui.ErrorReporter.log("The column '" + c.title() + "' of the Users view could not be read from " + server.label(), e);
                }
            }
            if (shown != server) {
                return; // another server (or none) was chosen meanwhile: these rows are not the view's any more
            }
            ui.execute(() -> {
                if (shown == server) {
                    show(server, users);
                }
            });
        });
    }

    static AdminClient client(ConnectedServer server) {
        return server.client(AdminClient.class, AdminClient::new);
    }

    /**
     * Listens to the pushes of the client now shown, and stops listening to the one before: the client is
     * shared per connection and outlives this view, and a reconnect or another server makes a new one.
     */
    private synchronized void follow(AdminClient client, ConnectedServer server) {
        if (client == followed) {
            return;
        }
        stopFollowing();
        following = client.watchUsers(this::refresh);
        followed = client;
        for (UserColumn c : contributed) {
            try {
                followingColumns.add(c.follow(server, user -> ui.execute(() -> columnChanged(user))));
            } catch (org.syncline.core.SynclineException e) {
                org.syncline.ui.ErrorReporter.log("The column '" + c.title() + "' of the Users view cannot follow " + server.label(), e);
            }
        }
    }

    /** A contributed column's value of {@code user} changed: that row redraws (all of them when it is the sort column). */
    private void columnChanged(String user) {
        UserInfo row = rows.get(user);
        if (row == null || viewer.getControl().isDisposed()) {
            return;
        }
        Table table = viewer.getTable();
        boolean sortedByIt = table.getSortColumn() != null && table.indexOf(table.getSortColumn()) >= table.getColumnCount() - contributed.size();
        if (sortedByIt) {
            viewer.refresh();
        } else {
            viewer.update(row, null);
        }
    }

    private synchronized void stopFollowing() {
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                // removing a listener does not fail
            }
        }
        following = null;
        followed = null;
        for (AutoCloseable c : followingColumns) {
            try {
                c.close();
            } catch (Exception e) {
                // removing a listener does not fail
            }
        }
        followingColumns.clear();
    }

    private void show(ConnectedServer server, List<UserInfo> users) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        setContentDescription(server == null ? "Select a connected server in the Servers view."
                : users.size() + (users.size() == 1 ? " user on " : " users on ") + server.label());
        java.util.Map<String, UserInfo> byName = new java.util.HashMap<>();
        users.forEach(u -> byName.put(u.name(), u));
        rows = byName;
        viewer.setInput(users);
    }

    private Optional<UserInfo> selectedUser() {
        return Optional.ofNullable((UserInfo) viewer.getStructuredSelection().getFirstElement());
    }

    /** Opens the selected user in the user editor (Enter or a double-click), making the editor area visible. */
    void openSelectedUser() {
        ConnectedServer server = shown;
        selectedUser().ifPresent(u -> openEditor(server, u.name()));
    }

    /** Opens (or brings forward) the editor of {@code user} on {@code server}. */
    public UserEditor openEditor(ConnectedServer server, String user) {
        org.eclipse.ui.IWorkbenchPage page = getSite().getPage();
        page.setEditorAreaVisible(true);
        try {
            return (UserEditor) page.openEditor(new UserEditorInput(server, user), UserEditor.ID);
        } catch (org.eclipse.ui.PartInitException e) {
            org.syncline.ui.ErrorReporter.report("Opening user " + user, e);
            return null;
        }
    }

    void addUser() {
        ConnectedServer server = shown;
        if (server == null) {
            return;
        }
        UserDialog d = UserDialog.newUser(getSite().getShell(), server.label());
        if (d.open() == Window.OK) {
            ServerJob.schedule("Adding user " + d.name(), m -> client(server).addUser(d.name(), d.password(), d.admin()));
        }
    }

    void setPassword() {
        ConnectedServer server = shown;
        selectedUser().ifPresent(u -> {
            boolean own = u.name().equals(server.user());
            UserDialog d = UserDialog.newPassword(getSite().getShell(), u.name(), own);
            if (d.open() == Window.OK) {
                ServerJob.schedule("Setting the password of " + u.name(),
                        m -> client(server).setPassword(u.name(), d.password(), own ? d.oldPassword() : null));
            }
        });
    }

    void toggleAdmin() {
        ConnectedServer server = shown;
        selectedUser().ifPresent(u -> ServerJob.schedule((u.admin() ? "Demoting " : "Promoting ") + u.name(),
                m -> client(server).setAdmin(u.name(), !u.admin())));
    }

    /** Disables the selected user (their sessions close, their logins are refused) or enables them again. */
    void toggleDisabled() {
        ConnectedServer server = shown;
        selectedUser().ifPresent(u -> {
            if (u.disabled() || MessageDialog.openConfirm(getSite().getShell(), "Disable User", "Disable the user '" + u.name()
                    + "' on " + server.label() + "? Their sessions close at once and they cannot log in until enabled; nothing of theirs is removed.")) {
                ServerJob.schedule((u.disabled() ? "Enabling " : "Disabling ") + u.name(), m -> client(server).setDisabled(u.name(), !u.disabled()));
            }
        });
    }

    void removeUser() {
        ConnectedServer server = shown;
        selectedUser().ifPresent(u -> {
            if (MessageDialog.openConfirm(getSite().getShell(), "Remove User", "Remove the user '" + u.name() + "' from "
                    + server.label() + "? Their sessions close at once.")) {
                ServerJob.schedule("Removing user " + u.name(), m -> client(server).removeUser(u.name()));
            }
        });
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        Servers.removeListener(serversChanged);
        stopFollowing();
        super.dispose();
    }
}
