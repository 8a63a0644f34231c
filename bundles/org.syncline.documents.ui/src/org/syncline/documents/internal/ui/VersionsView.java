package org.syncline.documents.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.documents.DocumentEvent;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.VersionInfo;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * Every version of the document selected in the browser, newest first; it follows the browser's selection
 * and the server's pushed changes to that document (an update adds a version).
 */
public final class VersionsView extends ViewPart {
    public static final String ID = "org.syncline.documents.ui.views.versions";
    static final String CONTEXT = "org.syncline.documents.ui.versionsContext";

    private TableViewer viewer;
    private UiRunner ui;
    private DocumentInfo doc;
    private ConnectedServer server;
    private final ISelectionListener selectionChanged = (part, selection) -> {
        if (selection instanceof IStructuredSelection s && s.size() == 1 && s.getFirstElement() instanceof DocumentInfo d) {
            follow(d);
        }
    };
    private final Consumer<DocumentEvent> pushed = e -> ui.execute(() -> {
        if (doc != null && e.document().id().equals(doc.id())) {
            if (e.kind() == DocumentEvent.Kind.DELETED) {
                show(null, List.of());
            } else {
                follow(e.document());
            }
        }
    });

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Version", 60, v -> Integer.toString(v.version()));
        column("Size", 90, v -> Formats.size(v.size()));
        column("Created", Formats.timeWidth(table, "Created"), v -> Formats.time(v.created()));
        column("Author", 100, VersionInfo::author);
        column("Type", 140, VersionInfo::mimeType);
        column("Node", 120, VersionInfo::node);
        column("SHA-256", 200, VersionInfo::sha256);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        viewer.addOpenListener(e -> downloadVersion());
        MenuManager menu = new MenuManager();
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        getSite().getPage().addSelectionListener(DocumentsView.ID, selectionChanged);
        DocumentsClients.addListener(pushed);
        show(null, List.of());
        // opened (Show Versions, Window > Show View) while a document is selected: that one, not "select one"
        selectionChanged.selectionChanged(null, getSite().getPage().getSelection(DocumentsView.ID));
    }

    private void column(String title, int width, Function<VersionInfo, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(org.syncline.ui.ColumnTable.widthFor(viewer.getTable(), width, title));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((VersionInfo) element);
            }
        });
    }

    private void follow(DocumentInfo d) {
        doc = d;
        server = Servers.selected().filter(ConnectedServer::isConnected).orElse(null);
        refresh();
    }

    void refresh() {
        DocumentInfo d = doc;
        ConnectedServer s = server;
        if (d == null || s == null) {
            show(null, List.of());
            return;
        }
        ServerJob.schedule("Reading the versions of " + d.name(), m -> {
            List<VersionInfo> versions = DocumentsClients.of(s).versions(d.id());
            ui.execute(() -> {
                if (doc == d) {
                    show(d, versions);
                }
            });
        });
    }

    private void show(DocumentInfo d, List<VersionInfo> versions) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        if (d == null) {
            doc = null;
        }
        setContentDescription(d == null ? "Select one document in the Documents view."
                : versions.size() + (versions.size() == 1 ? " version of " : " versions of ") + d.name());
        viewer.setInput(versions);
    }

    void downloadVersion() {
        Object v = viewer.getStructuredSelection().getFirstElement();
        if (v instanceof VersionInfo version && doc != null && server != null) {
            DocumentsView.saveAs(getSite().getShell(), server, doc, version.version(), version.size());
        }
    }

    /**
     * Makes the selected version the newest again, as a new version: nothing is lost, and the server has no
     * restore of its own, so the bytes go down to a temp file and up again as an update.
     */
    void restoreVersion() {
        Object v = viewer.getStructuredSelection().getFirstElement();
        DocumentInfo d = doc;
        ConnectedServer s = server;
        if (!(v instanceof VersionInfo version) || d == null || s == null || version.version() == d.version()) {
            return;
        }
        ServerJob.schedule("Restoring version " + version.version() + " of " + d.name(), m -> {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("syncline-restore");
                Path file = dir.resolve("v" + version.version());
                m.beginTask("Restoring version " + version.version() + " of " + d.name(), ByteProgress.units(version.size()));
                ByteProgress progress = new ByteProgress(m);
                progress.file(d.name() + " version " + version.version(), version.size());
                DownloadFile.write(DocumentsClients.of(s), d.id(), version.version(), file, false, progress);
                try (InputStream in = Files.newInputStream(file)) {
                    DocumentsClients.of(s).update(d.id(), in);
                }
            } catch (IOException e) {
                throw new SynclineException(ErrorCode.STORAGE, "Could not stage version " + version.version() + " in a temp file ("
                        + e.getMessage() + "); the document is unchanged, check the temp folder has space.", e);
            } finally {
                deleteQuietly(dir);
            }
        });
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover in the temp folder is harmless; the system cleans it
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(DocumentsView.ID, selectionChanged);
        DocumentsClients.removeListener(pushed);
        super.dispose();
    }
}
