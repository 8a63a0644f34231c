package org.syncline.distribution.internal.ui;

import java.util.Optional;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.syncline.distribution.internal.ui.monitor.LiveMonitoring;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The topology of the server selected in the Servers view (or the only one connected) as a tree; it shows the
 * open editor's unsaved state, shares its selection, and opens it on a double-click or Enter.
 */
public final class TopologyView extends ViewPart implements TopologyDocument.Listener {
    public static final String ID = "org.syncline.distribution.ui.views.topology";

    private TreeViewer viewer;
    private UiRunner ui;
    private TopologyDocument document;
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);
    private final ISelectionListener editorSelection = (part, s) -> {
        if (part instanceof TopologyEditor && s instanceof IStructuredSelection ss && viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setSelection(new StructuredSelection(ss.toList()), true);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new TopologyTree.Content());
        viewer.setLabelProvider(new TopologyTree.Labels());
        viewer.setUseHashlookup(true);
        viewer.addOpenListener(e -> openEditor());
        getSite().setSelectionProvider(viewer);
        MenuManager menu = new MenuManager();
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        // not by the editor's id: editors of the compatibility layer all share one part id
        getSite().getPage().addSelectionListener(editorSelection);
        Servers.addListener(serversChanged);
        serverMaybeChanged();
    }

    private void serverMaybeChanged() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Optional<ConnectedServer> server = Servers.selected().filter(ConnectedServer::isConnected);
        TopologyDocument next = server.map(TopologyDocuments::of).orElse(null);
        if (next == document) {
            return;
        }
        if (document != null) {
            document.removeListener(this);
        }
        document = next;
        if (document == null) {
            viewer.setInput(null);
            setContentDescription("Connect to a server that has the master role (File > Connect to Server...).");
            return;
        }
        document.addListener(this);
        LiveMonitoring.of(document.server()).start();
        setContentDescription("Topology of " + document.server().label());
        if (document.isLoaded()) {
            changed();
        } else {
            document.load();
        }
    }

    @Override
    public void changed() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        if (!(viewer.getInput() instanceof TopologyTree.Root root) || root.deployment() != document.deployment()) {
            viewer.setInput(new TopologyTree.Root(document.deployment()));
            viewer.expandToLevel(3);
        } else {
            viewer.refresh();
        }
        setContentDescription("Topology of " + document.server().label() + ", version " + document.version().version()
                + (document.isDirty() ? " (unsaved changes in the editor)" : ""));
    }

    @Override
    public void statesChanged() {
        if (!viewer.getControl().isDisposed()) {
            viewer.refresh(true);
        }
    }

    /** Opens the topology editor on this view's server. */
    void openEditor() {
        if (document == null) {
            return;
        }
        try {
            IWorkbenchPage page = getSite().getPage();
            page.openEditor(new TopologyEditorInput(document.server()), TopologyEditor.ID);
        } catch (PartInitException e) {
            ErrorReporter.report("Could not open the topology editor", e);
        }
    }

    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        Servers.removeListener(serversChanged);
        getSite().getPage().removeSelectionListener(editorSelection);
        if (document != null) {
            document.removeListener(this);
        }
        super.dispose();
    }

    @Override
    public <T> T getAdapter(Class<T> type) {
        if (type == org.eclipse.ui.views.properties.IPropertySheetPage.class) {
            return type.cast(new TopologyPropertySheet(() -> document == null || !document.isLoaded() ? null : document.stack()));
        }
        return super.getAdapter(type);
    }
}
