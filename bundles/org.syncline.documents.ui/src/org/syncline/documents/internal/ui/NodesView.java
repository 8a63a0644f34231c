package org.syncline.documents.internal.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.documents.DocumentEvent;
import org.syncline.documents.NodeInfo;
import org.syncline.ui.Coalescer;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The storage nodes of the selected server's registry: status, space, documents and last heartbeat, live: a node
 * coming up or going down is pushed and refreshes the table, and so does a document added, changed or deleted (its
 * node's count and free space), at most once a {@value #DOCUMENTS_DELAY_MILLIS} ms however many come; F5 refreshes
 * it by hand.
 */
public final class NodesView extends ViewPart {
    public static final String ID = "org.syncline.documents.ui.views.nodes";
    static final String CONTEXT = "org.syncline.documents.ui.nodesContext";

    private TableViewer viewer;
    private UiRunner ui;
    private ConnectedServer server;
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);
    private final Consumer<NodeInfo> pushed = n -> ui.execute(this::refresh);
    /** Documents pushed within this time make one read (a registration of 10,000 files pushes 10,000 events). */
    static final int DOCUMENTS_DELAY_MILLIS = 1000;
    private Coalescer refreshes;
    private final Consumer<DocumentEvent> documentsChanged = e -> ui.execute(this::refreshSoon);

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.VIRTUAL);
        refreshes = new Coalescer(viewer.getControl(), DOCUMENTS_DELAY_MILLIS, this::refresh);
        viewer.setUseHashlookup(true);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Name", 140, NodeInfo::name);
        column("Address", 150, NodeInfo::address);
        column("Status", 60, NodeInfo::status);
        column("Capacity", 90, n -> Formats.size(n.capacity()));
        column("Free", 90, n -> Formats.size(n.free()));
        column("Documents", 80, n -> Long.toString(n.documents()));
        column("Last heartbeat", Math.max(110, Formats.timeWidth(viewer.getTable(), "Last heartbeat")), n -> n.local() ? "(this server)" : Formats.time(n.lastHeartbeat()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        MenuManager menu = new MenuManager();
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        Servers.addListener(serversChanged);
        DocumentsClients.addNodeListener(pushed);
        DocumentsClients.addListener(documentsChanged);
        serverMaybeChanged();
    }

    private void column(String title, int width, Function<NodeInfo, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(org.syncline.ui.ColumnTable.widthFor(viewer.getTable(), width, title));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((NodeInfo) element);
            }
        });
    }

    private void serverMaybeChanged() {
        ConnectedServer now = Servers.selected().filter(ConnectedServer::isConnected).orElse(null);
        if (now != server) {
            server = now;
            refresh();
        }
    }

    private void refreshSoon() {
        refreshes.request();
    }

    void refresh() {
        ConnectedServer s = server;
        if (s == null) {
            show(List.of(), "Connect to a server in the Servers view.");
            return;
        }
        ServerJob.schedule("Reading the storage nodes", m -> {
            List<NodeInfo> nodes = DocumentsClients.of(s).nodes();
            long up = nodes.stream().filter(NodeInfo::isUp).count();
            ui.execute(() -> {
                if (server == s) {
                    show(nodes, nodes.size() + (nodes.size() == 1 ? " storage node, " : " storage nodes, ") + up + " up");
                }
            });
        });
    }

    private void show(List<NodeInfo> nodes, String description) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        setContentDescription(description);
        viewer.setInput(nodes);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        Servers.removeListener(serversChanged);
        DocumentsClients.removeNodeListener(pushed);
        DocumentsClients.removeListener(documentsChanged);
        super.dispose();
    }
}
