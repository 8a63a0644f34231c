package org.syncline.sync.internal.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.core.Names;
import org.syncline.sync.FolderInfo;
import org.syncline.sync.FolderMember;
import org.syncline.sync.Quota;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * Shared folders of the server selected in the Servers view, for their managers and admins: the folders
 * (top) and the members of the selected one with their rights (bottom); create a folder, share it with a
 * user or group for read, write or manage, take a member off, and set a user's quota. The hub checks every
 * change: someone without manage on a folder is refused with its sentence.
 */
public final class SharedFoldersView extends ViewPart {
    public static final String ID = "org.syncline.sync.ui.views.sharedFolders";

    private TableViewer folders;
    private TableViewer members;
    private UiRunner ui;
    private ConnectedServer server;
    private final Runnable serversChanged = () -> ui.execute(this::refresh);
    private final BiConsumer<String, Long> pushed = (folder, cursor) -> ui.execute(this::refresh);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        folders = table(sash, SWT.SINGLE);
        this.<FolderInfo>column(folders, "Folder", 160, FolderInfo::name);
        this.<FolderInfo>column(folders, "Owner", 100, FolderInfo::owner);
        this.<FolderInfo>column(folders, "Your right", 90, FolderInfo::right);
        this.<FolderInfo>column(folders, "Files", 70, f -> Long.toString(f.files()));
        this.<FolderInfo>column(folders, "Size", 90, f -> Formats.size(f.bytes()));
        this.<FolderInfo>column(folders, "Created", 150, f -> SyncFoldersView.time(f.created()));
        members = table(sash, SWT.MULTI);
        this.<FolderMember>column(members, "Member", 160, FolderMember::subject);
        this.<FolderMember>column(members, "Kind", 80, FolderMember::kind);
        this.<FolderMember>column(members, "Right", 90, FolderMember::right);
        sash.setWeights(3, 2);
        folders.addSelectionChangedListener(e -> readMembers());
        members.addOpenListener(e -> changeRight());
        getSite().setSelectionProvider(folders);
        getSite().getService(IContextService.class).activateContext("org.syncline.sync.ui.sharedFoldersContext");
        Servers.addListener(serversChanged);
        SyncClients.addListener(pushed);
        refresh();
    }

    private TableViewer table(Composite parent, int selection) {
        TableViewer v = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | selection);
        Table t = v.getTable();
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        v.setInput(List.of());
        MenuManager menu = new MenuManager();
        t.setMenu(menu.createContextMenu(t));
        getSite().registerContextMenu(menu, v);
        return v;
    }

    private <T> void column(TableViewer v, String title, int width, Function<T, String> text) {
        TableViewerColumn c = new TableViewerColumn(v, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(org.syncline.ui.ColumnTable.widthFor(v.getTable(), width, title));
        c.setLabelProvider(new ColumnLabelProvider() {
            @SuppressWarnings("unchecked")
            @Override
            public String getText(Object element) {
                return text.apply((T) element);
            }
        });
    }

    void refresh() {
        if (folders.getControl().isDisposed()) {
            return;
        }
        ConnectedServer s = Servers.selected().filter(ConnectedServer::isConnected).orElse(null);
        server = s;
        if (s == null) {
            folders.setInput(List.of());
            members.setInput(List.of());
            setContentDescription("Connect to a server (Servers view) to manage its shared folders.");
            return;
        }
        ServerJob.schedule("Reading the shared folders of " + s.label(), m -> {
            List<FolderInfo> list = SyncClients.of(s).list();
            ui.execute(() -> {
                if (server == s && !folders.getControl().isDisposed()) {
                    FolderInfo was = selectedFolder();
                    folders.setInput(list);
                    if (was != null) {
                        list.stream().filter(f -> f.name().equals(was.name())).findFirst()
                                .ifPresent(f -> folders.setSelection(new org.eclipse.jface.viewers.StructuredSelection(f)));
                    }
                    setContentDescription(list.size() + (list.size() == 1 ? " folder on " : " folders on ") + s.label() + " (as " + s.user() + ")");
                }
            });
        });
    }

    private FolderInfo selectedFolder() {
        return folders.getStructuredSelection().getFirstElement() instanceof FolderInfo f ? f : null;
    }

    private void readMembers() {
        FolderInfo f = selectedFolder();
        ConnectedServer s = server;
        if (f == null || s == null) {
            members.setInput(List.of());
            return;
        }
        ServerJob.schedule("Reading the members of " + f.name(), m -> {
            List<FolderMember> list = SyncClients.of(s).members(f.name());
            ui.execute(() -> {
                if (!members.getControl().isDisposed() && f.equals(selectedFolder())) {
                    members.setInput(list);
                }
            });
        });
    }

    /** The members shown now, for the selected folder. */
    @SuppressWarnings("unchecked")
    public List<FolderMember> members() {
        return members.getInput() instanceof List<?> l ? (List<FolderMember>) l : List.of();
    }

    /** The folders shown now. */
    @SuppressWarnings("unchecked")
    public List<FolderInfo> folders() {
        return folders.getInput() instanceof List<?> l ? (List<FolderInfo>) l : List.of();
    }

    /** Selects the folder of that name, which shows its members. */
    public void select(String folder) {
        folders().stream().filter(f -> f.name().equals(folder)).findFirst()
                .ifPresent(f -> folders.setSelection(new org.eclipse.jface.viewers.StructuredSelection(f), true));
    }

    /** Selects the member of that name among the selected folder's members. */
    public void selectMember(String subject) {
        members().stream().filter(m -> m.subject().equals(subject)).findFirst()
                .ifPresent(m -> members.setSelection(new org.eclipse.jface.viewers.StructuredSelection(m), true));
    }

    void createFolder() {
        if (server == null) {
            return;
        }
        InputDialog d = new InputDialog(getSite().getShell(), "Create Folder", "Name of the new shared folder on " + server.label() + ":", "",
                SharedFoldersView::nameError);
        if (d.open() == Window.OK) {
            createFolder(d.getValue().trim());
        }
    }

    private static String nameError(String text) {
        try {
            Names.requireFileName(text.trim(), "folder");
            return null;
        } catch (org.syncline.core.SynclineException e) {
            return e.getMessage();
        }
    }

    public Job createFolder(String name) {
        ConnectedServer s = server;
        return ServerJob.schedule("Creating the folder " + name, m -> {
            SyncClients.of(s).create(name);
            ui.execute(this::refresh);
        });
    }

    void addMember() {
        FolderInfo f = selectedFolder();
        if (f == null) {
            return;
        }
        ConnectedServer s = server;
        // those who are members already are changed with Change Right, not suggested again
        java.util.Set<String> already = members().stream().map(m -> m.kind() + ":" + m.subject()).collect(java.util.stream.Collectors.toSet());
        MemberDialog d = new MemberDialog(getSite().getShell(), f.name(), prefix -> {
            org.syncline.protocol.ShareNames n = SyncClients.of(s).shareNames(f.name(), prefix);
            return new org.syncline.protocol.ShareNames(n.users().stream().filter(u -> !already.contains(FolderMember.USER + ":" + u)).toList(),
                    n.groups().stream().filter(g -> !already.contains(FolderMember.GROUP + ":" + g)).toList());
        });
        if (d.open() == Window.OK) {
            share(f.name(), d.kind(), d.subject(), d.right());
        }
    }

    /** Grants {@code kind} ("user" or "group") {@code subject} the right "read", "write" or "manage" on {@code folder}. */
    public Job share(String folder, String kind, String subject, String right) {
        ConnectedServer s = server;
        return ServerJob.schedule("Sharing " + folder + " with " + subject, m -> {
            SyncClients.of(s).share(folder, kind, subject, right);
            ui.execute(this::readMembers);
        });
    }

    void removeMembers() {
        FolderInfo f = selectedFolder();
        @SuppressWarnings("unchecked")
        List<FolderMember> chosen = (List<FolderMember>) members.getStructuredSelection().toList();
        ConnectedServer s = server;
        if (f == null || chosen.isEmpty() || s == null || !MessageDialog.openConfirm(getSite().getShell(), "Remove Member",
                "Take " + chosen.size() + (chosen.size() == 1 ? " member" : " members") + " off " + f.name() + "? Their copies stay, but stop syncing.")) {
            return;
        }
        ServerJob.schedule("Removing members of " + f.name(), m -> {
            for (FolderMember member : chosen) {
                SyncClients.of(s).unshare(f.name(), member.kind(), member.subject());
            }
            ui.execute(this::readMembers);
        });
    }

    /** Changes the right of the one selected member (Change Right, F2, Enter on a member). */
    void changeRight() {
        FolderInfo f = selectedFolder();
        List<?> chosen = members.getStructuredSelection().toList();
        if (f == null || chosen.size() != 1 || !(chosen.get(0) instanceof FolderMember member)) {
            return;
        }
        MemberDialog d = new MemberDialog(getSite().getShell(), f.name(), member);
        if (d.open() == Window.OK && !d.right().equals(member.right())) {
            share(f.name(), member.kind(), member.subject(), d.right());
        }
    }

    /** Delete: the selected members when their table has the focus, else the selected folder (after asking). */
    void deleteSelected() {
        if (members.getControl().isFocusControl()) {
            removeMembers();
        } else {
            deleteFolder();
        }
    }

    /**
     * Deletes the selected folder on the server, after a question that says what goes: its files, their history and its
     * trash, for every member. Copies on computers stay. Cancel is the default answer.
     */
    void deleteFolder() {
        FolderInfo f = selectedFolder();
        if (f == null || server == null) {
            return;
        }
        MessageDialog ask = new MessageDialog(getSite().getShell(), "Delete Folder", null, "Delete the shared folder '" + f.name() + "' on "
                + server.label() + "?\n\nIts " + String.format("%,d", f.files()) + (f.files() == 1 ? " file" : " files") + " (" + Formats.size(f.bytes())
                + "), their history and its trash are deleted on the server, for every member. Copies on computers stay, but stop syncing.",
                MessageDialog.WARNING, 1, "&Delete Folder", IDialogConstants.CANCEL_LABEL);
        if (ask.open() == 0) {
            deleteFolder(f.name());
        }
    }

    /** What Delete Folder does once confirmed: the server deletes the folder (the manage right is checked there). */
    public Job deleteFolder(String name) {
        ConnectedServer s = server;
        return ServerJob.schedule("Deleting the folder " + name, m -> {
            SyncClients.of(s).delete(name);
            ui.execute(this::refresh);
        });
    }

    void setQuota() {
        ConnectedServer s = server;
        if (s == null) {
            return;
        }
        QuotaDialog d = new QuotaDialog(getSite().getShell());
        if (d.open() == Window.OK) {
            setQuota(d.user(), d.bytes());
        }
    }

    /** Sets {@code user}'s quota (0: no limit) and says what it is now. */
    public Job setQuota(String user, long bytes) {
        ConnectedServer s = server;
        return ServerJob.schedule("Setting the quota of " + user, m -> {
            Quota q = SyncClients.of(s).setQuota(user, bytes);
            ui.execute(() -> {
                if (!folders.getControl().isDisposed()) {
                    setContentDescription("Quota of " + q.user() + ": " + (q.limit() == 0 ? "no limit" : Formats.size(q.limit()))
                            + ", " + Formats.size(q.used()) + " used.");
                }
            });
        });
    }

    @Override
    public void setFocus() {
        folders.getControl().setFocus();
    }

    @Override
    public void dispose() {
        Servers.removeListener(serversChanged);
        SyncClients.removeListener(pushed);
        super.dispose();
    }
}
