package org.syncline.sharing.internal.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.core.SynclineException;
import org.syncline.sharing.RoomSummary;
import org.syncline.ui.ColumnTable;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The rooms open on the selected server (or the only one connected), kept current by the relay's push. Enter or a
 * double-click joins the selected room (asking for the password of a locked one) and opens its Viewer editor.
 */
public final class RoomsView extends ViewPart {
    public static final String ID = "org.syncline.sharing.ui.views.rooms";

    private TableViewer viewer;
    private Label hint;
    private UiRunner ui;
    private ConnectedServer server;
    private AutoCloseable watching;
    private List<RoomSummary> rooms = List.of();
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        Composite area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        area.setLayout(layout);
        // a wrapping line instead of the content description, which GTK cuts off at the view's width
        hint = new Label(area, SWT.WRAP);
        GridData hintData = new GridData(SWT.FILL, SWT.TOP, true, false);
        hintData.horizontalIndent = 4;
        hint.setLayoutData(hintData);
        viewer = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.getTable().setHeaderVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Title", 150, r -> r.title());
        column("Host", 90, r -> r.host());
        column("Viewers", 60, r -> r.participants() + "/" + r.max());
        column("Locked", 60, r -> r.locked() ? "locked" : "");
        viewer.addOpenListener(e -> joinSelected());
        getSite().setSelectionProvider(viewer);
        MenuManager menu = new MenuManager();
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        getSite().getService(IContextService.class).activateContext("org.syncline.sharing.ui.roomsContext");
        Servers.addListener(serversChanged);
        serverMaybeChanged();
    }

    private void column(String title, int width, Function<RoomSummary, String> text) {
        ColumnTable.addColumn(viewer, title, width, text);
    }

    private void serverMaybeChanged() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        ConnectedServer next = Servers.selected().filter(ConnectedServer::isConnected).orElse(null);
        if (next == server) {
            return;
        }
        stopWatching();
        server = next;
        if (server == null) {
            show(List.of());
            hint("Connect to a server to see its sharing rooms (File > Connect to Server...).");
            return;
        }
        try {
            watching = SharingClients.of(server).watchRooms(list -> ui.execute(() -> show(list)));
        } catch (SynclineException e) {
            hint(e.getMessage());
            return;
        }
        refresh();
    }

    /** Asks the relay for the room list again (F5). */
    public void refresh() {
        if (server == null) {
            return;
        }
        ConnectedServer asked = server;
        Thread t = new Thread(() -> {
            try {
                List<RoomSummary> list = SharingClients.of(asked).listRooms();
                ui.execute(() -> show(list));
            } catch (SynclineException e) {
                ui.execute(() -> hint("Could not list the rooms: " + e.getMessage()));
            }
        }, "sharing rooms");
        t.setDaemon(true);
        t.start();
    }

    private void show(List<RoomSummary> list) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        rooms = List.copyOf(list);
        viewer.setInput(rooms);
        if (server != null) {
            hint(rooms.isEmpty() ? "No rooms are open on " + server.label() + "."
                    : rooms.size() + (rooms.size() == 1 ? " room" : " rooms") + " on " + server.label()
                            + ": Enter or double-click joins.");
        }
    }

    /** Shows one sentence above the list, wrapped to the view's width. */
    private void hint(String text) {
        hint.setText(text);
        hint.getParent().layout(true);
    }

    /** The sentence above the list (what to do, or why the last action failed). */
    public String hint() {
        return hint.getText();
    }

    public List<RoomSummary> rooms() {
        return rooms;
    }

    public TableViewer viewer() {
        return viewer;
    }

    /** Joins the selected room (Enter, double-click, the Join command). */
    public void joinSelected() {
        if (viewer.getStructuredSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof RoomSummary room) {
            char[] password = null;
            if (room.locked()) {
                password = askPassword(getSite().getShell(), room);
                if (password == null) {
                    return;
                }
            }
            join(room, password);
        }
    }

    /** Joins {@code room} and opens its viewer, or brings its open viewer to the front. */
    public Optional<ViewerEditor> join(RoomSummary room, char[] password) {
        IWorkbenchPage page = getSite().getPage();
        for (IEditorReference ref : page.getEditorReferences()) {
            if (ref.getEditor(false) instanceof ViewerEditor open && open.session().roomId().equals(room.id())
                    && open.session().server() == server) {
                page.activate(open);
                return Optional.of(open);
            }
        }
        RoomSession session;
        try {
            session = RoomSession.join(server, room.id(), password);
        } catch (SynclineException e) {
            hint("Could not join '" + room.title() + "': " + e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of((ViewerEditor) page.openEditor(new ViewerEditorInput(session), ViewerEditor.ID));
        } catch (PartInitException e) {
            session.close();
            hint("Could not open the viewer of '" + room.title() + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    private static char[] askPassword(Shell shell, RoomSummary room) {
        InputDialog dialog = new InputDialog(shell, "Join " + room.title(), "The room '" + room.title()
                + "' is locked. Password:", "", v -> v.isEmpty() ? "Enter the room's password." : null) {
            @Override
            protected int getInputTextStyle() {
                return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
            }
        };
        return dialog.open() == Window.OK ? dialog.getValue().toCharArray() : null;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    private void stopWatching() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                // removing a push listener cannot fail
            }
            watching = null;
        }
    }

    @Override
    public void dispose() {
        Servers.removeListener(serversChanged);
        stopWatching();
        super.dispose();
    }
}
