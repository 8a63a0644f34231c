package org.syncline.documents.internal.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.events.FocusEvent;
import org.eclipse.swt.events.FocusListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.contexts.IContextActivation;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.syncline.core.ByteSizes;
import org.syncline.core.DateInputs;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.documents.DocumentEvent;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentQuery;
import org.syncline.documents.DocumentShare;
import org.syncline.documents.DocumentQuery.Sort;
import org.syncline.documents.NodeInfo;
import org.syncline.ui.Coalescer;
import org.syncline.ui.Formats;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.ServerJob;
import org.syncline.ui.Servers;
import org.syncline.ui.UiRunner;

/**
 * The documents of the server selected in the Servers view: searched, sorted and paged by the server, kept
 * current by its pushed events. Files dropped on the table are registered.
 */
public final class DocumentsView extends ViewPart {
    public static final String ID = "org.syncline.documents.ui.views.documents";
    static final String CONTEXT = "org.syncline.documents.ui.documentsContext";
    /** A burst of pushed events (a folder of 1,000 files registered) becomes one query, not 1,000. */
    private static final int PUSH_DELAY_MILLIS = 300;
    private static final int TYPING_DELAY_MILLIS = 300;

    private DocumentTableViewer viewer;
    private DocumentRows rows;
    private UiRunner ui;
    private Text name;
    private Text author;
    private Text tag;
    private Text type;
    private Text modifiedFrom;
    private Text modifiedUntil;
    private Text sizeFrom;
    private Text sizeUpTo;
    /** What keeps the fields from being a search (a date or size that cannot be read), shown instead of the count; null if none. */
    private String filterProblem;
    /** The search fields by their labels without mnemonic and colon ("Name", "Size from"), for {@link #typeInto}. */
    private final Map<String, Text> fieldsByLabel = new LinkedHashMap<>();
    private Combo node;
    private Combo sortChoice;
    private Button reverse;
    private Sort sort = Sort.NAME;
    private boolean descending;
    private Coalescer refreshes;
    /** Rows of this table are being dragged: a drop back on it must not register their temp copies. */
    private boolean draggingOut;
    private Runnable typed;
    private IContextActivation keys;
    /** Servers tell of changes on their own threads. */
    private final Runnable serversChanged = () -> ui.execute(this::serverMaybeChanged);
    private final Consumer<DocumentEvent> pushed = e -> ui.execute(this::refreshSoon);
    private final Consumer<NodeInfo> nodeChanged = n -> ui.execute(this::readNodes);
    /** The columns, in the order of the table and of the sort choice. */
    private static final Sort[] COLUMN_SORTS = {Sort.NAME, Sort.AUTHOR, Sort.TYPE, Sort.SIZE, Sort.MODIFIED, Sort.VERSION, Sort.NODE};
    private static final String ANY_NODE = "(any node)";

    @Override
    public void createPartControl(Composite parent) {
        ui = new UiRunner(parent.getDisplay());
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
        // three rows (text fields; ranges; node, sort and Reverse), so that nothing is cut off in a view of 1100 px or less
        Composite fields = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(8).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(fields);
        name = searchField(fields, "&Name:", "part of the name", 3);
        author = searchField(fields, "&Author:", "exactly", 1);
        type = searchField(fields, "T&ype:", "mime type", 1);
        type.setToolTipText("The exact MIME type, e.g. application/pdf or image/png (the Type column shows each document's)");
        tag = searchField(fields, "&Tag:", "exactly", 1);
        Composite ranges = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(8).applyTo(ranges);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(ranges);
        modifiedFrom = searchField(ranges, "&Modified from:", "2026-11-01", 1);
        modifiedFrom.setToolTipText("From the start of this day (this machine's time zone), or an instant such as 2026-11-01T10:15:00Z");
        modifiedUntil = searchField(ranges, "unti&l:", "2026-11-30", 1);
        modifiedUntil.setToolTipText("To the end of this day (this machine's time zone), or up to an instant such as 2026-11-30T18:00:00Z");
        sizeFrom = searchField(ranges, "Si&ze from:", "e.g. 10K", 1);
        sizeFrom.setToolTipText("At least this size: 4096 (bytes), 10K or 10 KiB, 1.5 GiB; KB, MB, GB count in 1,000s");
        sizeUpTo = searchField(ranges, "&up to:", "e.g. 1.5 GiB", 1);
        sizeUpTo.setToolTipText("At most this size: 4096 (bytes), 10K or 10 KiB, 1.5 GiB; KB, MB, GB count in 1,000s");
        Composite order = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(order);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(order);
        node = choice(order, "No&de:", ANY_NODE);
        node.addListener(SWT.Selection, e -> show(rows.server(), false));
        sortChoice = choice(order, "S&ort:", "Name", "Author", "Type", "Size", "Modified", "Version", "Node");
        sortChoice.addListener(SWT.Selection, e -> sortBy(sortChoice.getSelectionIndex(), reverse.getSelection()));
        reverse = new Button(order, SWT.CHECK);
        reverse.setText("Re&verse");
        reverse.addListener(SWT.Selection, e -> sortBy(sortChoice.getSelectionIndex(), reverse.getSelection()));
        // virtual and lazy: rows exist as they scroll into view, each page fetched from the server then
        viewer = new DocumentTableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER | SWT.VIRTUAL);
        refreshes = new Coalescer(viewer.getControl(), PUSH_DELAY_MILLIS, this::refresh);
        Table table = viewer.getTable();
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column("Name", 220, DocumentInfo::name);
        column("Author", 100, DocumentInfo::author);
        column("Type", 140, DocumentInfo::mimeType);
        column("Size", 90, d -> Formats.size(d.size()));
        column("Modified", Formats.timeWidth(table, "Modified"), d -> Formats.time(d.modified()));
        column("Version", 60, d -> Integer.toString(d.version()));
        column("Node", 120, DocumentInfo::node);
        table.setSortColumn(table.getColumn(0));
        table.setSortDirection(SWT.UP);
        rows = new DocumentRows(viewer, ui, this::describe, this::selectionRefreshed);
        viewer.setContentProvider(rows);
        viewer.setInput(ID);
        viewer.addOpenListener(e -> open());
        getSite().setSelectionProvider(viewer);
        MenuManager menu = new MenuManager();
        table.setMenu(menu.createContextMenu(table));
        getSite().registerContextMenu(menu, viewer);
        acceptDroppedFiles(table);
        dragRowsOut(table);
        keysWhileTableHasFocus(table);
        DocumentsClients.addListener(pushed);
        DocumentsClients.addNodeListener(nodeChanged);
        Servers.addListener(serversChanged);
        serverMaybeChanged();
    }

    private static Combo choice(Composite parent, String label, String... items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo c = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        c.setItems(items);
        c.select(0);
        return c;
    }

    /** The node filter offers the registry's nodes; the chosen one stays chosen while it exists. */
    private void readNodes() {
        ConnectedServer server = rows.server();
        if (server == null || node.isDisposed()) {
            return;
        }
        ServerJob.schedule("Reading the storage nodes of " + server.label(), m -> {
            List<String> names = DocumentsClients.of(server).nodes().stream().map(NodeInfo::name).toList();
            ui.execute(() -> {
                if (node.isDisposed() || server != rows.server()) {
                    return;
                }
                String chosen = node.getText();
                List<String> items = new ArrayList<>(List.of(ANY_NODE));
                items.addAll(names);
                node.setItems(items.toArray(String[]::new));
                node.select(Math.max(0, items.indexOf(chosen)));
            });
        });
    }

    /** For tests and keys: keeps only the documents on {@code nodeName} (null: any node), as choosing it in the list does. */
    public void filterNode(String nodeName) {
        int at = nodeName == null ? 0 : Arrays.asList(node.getItems()).indexOf(nodeName);
        if (at < 0) {
            throw new IllegalArgumentException("no node " + nodeName + " in " + Arrays.toString(node.getItems()));
        }
        node.select(at);
        show(rows.server(), false);
    }

    /** For tests: types {@code text} into the search field labelled {@code label} ("Type", "Modified from", "up to"), as a user does. */
    public void typeInto(String label, String text) {
        Text field = fieldsByLabel.get(label);
        if (field == null) {
            throw new IllegalArgumentException("no search field '" + label + "' in " + fieldsByLabel.keySet());
        }
        field.setText(text);
    }

    /** The node names the filter offers, after "(any node)". */
    public List<String> nodeChoices() {
        return Arrays.asList(node.getItems()).subList(1, node.getItemCount());
    }

    private Text searchField(Composite parent, String label, String hint, int span) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        fieldsByLabel.put(label.replace("&", "").replace(":", ""), t);
        t.setMessage(hint);
        GridDataFactory.fillDefaults().grab(span > 1, false).hint(span > 1 ? 200 : 90, SWT.DEFAULT).applyTo(t);
        t.addModifyListener(e -> searchSoon());
        return t;
    }

    /** Every column sorts on the server (pages are fetched on demand, so only the server can sort). */
    private void column(String title, int width, Function<DocumentInfo, String> text) {
        boolean first = viewer.getTable().getColumnCount() == 0;
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
        TableColumn col = c.getColumn();
        col.setText(title);
        col.setWidth(org.syncline.ui.ColumnTable.widthFor(viewer.getTable(), width, title));
        col.addListener(SWT.Selection, e -> sortBy(col, viewer.getTable().getSortColumn() == col && viewer.getTable().getSortDirection() == SWT.UP));
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                // a row whose page is still on its way shows "…" in the first column (not a blank or an old row)
                return element instanceof DocumentInfo d ? text.apply(d) : element == DocumentRows.LOADING && first ? element.toString() : "";
            }
        });
    }

    /** Sorts by the column, on the server (a second click on a header reverses); the Sort choice and Reverse follow. */
    private void sortBy(TableColumn column, boolean reversed) {
        Table table = viewer.getTable();
        int index = table.indexOf(column);
        descending = reversed;
        sort = COLUMN_SORTS[index];
        table.setSortColumn(column);
        table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
        sortChoice.select(index);
        reverse.setSelection(descending);
        show(rows.server(), false);
    }

    /** For tests: sorts as choosing the column in the Sort list (and Reverse) does. */
    public void sortBy(int columnIndex, boolean reversed) {
        sortBy(viewer.getTable().getColumn(columnIndex), reversed);
    }

    /** The search the fields say; a date or size that cannot be read, or bounds the wrong way round, throw with a sentence naming it. */
    private DocumentQuery query() {
        ZoneId zone = ZoneId.systemDefault();
        Instant from = day("Modified from", modifiedFrom, zone, false);
        Instant until = day("Modified until", modifiedUntil, zone, true);
        Long atLeast = size("Size from", sizeFrom);
        Long atMost = size("Size up to", sizeUpTo);
        return new DocumentQuery(name.getText(), author.getText(), type.getText().strip(), tag.getText(), from, until, atLeast, atMost, sort,
                descending, 1, DocumentRows.PAGE_SIZE, chosenNode());
    }

    /** A day typed in {@code field}: its start, or with {@code wholeDay} the start of the next (so "until" a day includes it). */
    private static Instant day(String label, Text field, ZoneId zone, boolean wholeDay) {
        String text = field.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        Instant at = DateInputs.parse(text, zone).orElseThrow(() -> new SynclineException(ErrorCode.INVALID_ARGUMENT,
                label + ": '" + Names.printable(text) + "' is not a date; type one such as 2026-11-22 or 2026-11-22T10:15:00Z."));
        return wholeDay && !text.contains("T") ? at.atZone(zone).plusDays(1).toInstant() : at;
    }

    private static Long size(String label, Text field) {
        String text = field.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        return ByteSizes.parse(text).orElseThrow(() -> new SynclineException(ErrorCode.INVALID_ARGUMENT,
                label + ": '" + Names.printable(text) + "' is not a size; type one such as 4096, 10K, 1.5 GiB or 200 MB."));
    }

    /**
     * Shows {@code server}'s documents for the search the fields say. Fields that are not a search leave the rows
     * as they are and say why in the view's description, until they are mended.
     */
    private void show(ConnectedServer server, boolean keepPlace) {
        DocumentQuery q;
        try {
            q = query();
            filterProblem = null;
        } catch (SynclineException e) {
            filterProblem = e.getMessage();
            if (server == rows.server()) {
                describe();
                return;
            }
            q = rows.query();
        }
        rows.show(server, q, keepPlace);
    }

    private void searchSoon() {
        // one query once typing pauses, not one per key
        Runnable mine = () -> {
            if (!viewer.getControl().isDisposed()) {
                show(rows.server(), false);
            }
        };
        typed = mine;
        viewer.getControl().getDisplay().timerExec(TYPING_DELAY_MILLIS, () -> {
            if (typed == mine) {
                mine.run();
            }
        });
    }

    private void refreshSoon() {
        refreshes.request();
    }

    private void acceptDroppedFiles(Table table) {
        DropTarget drop = new DropTarget(table, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                copyOnly(event);
            }

            @Override
            public void dragOver(DropTargetEvent event) {
                copyOnly(event);
            }

            @Override
            public void dragOperationChanged(DropTargetEvent event) {
                copyOnly(event);
            }

            /** The file manager may offer a move; registering copies, and never moves the user's file away. */
            private void copyOnly(DropTargetEvent event) {
                event.detail = draggingOut || rows.server() == null || (event.operations & DND.DROP_COPY) == 0 ? DND.DROP_NONE : DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                // rows dragged out and dropped back on the table are the server's already
                if (!draggingOut && event.data instanceof String[] names) {
                    register(Arrays.stream(names).map(Path::of).toList());
                }
            }
        });
    }

    /**
     * Rows dragged to a file manager or the desktop arrive there as files: when the drop target asks for the data,
     * the selected documents are downloaded (verified, with progress and a busy cursor) into temp folders of their
     * own, and the drop copies them from there. Ctrl+S (Download...) is the keyboard's way to the same result.
     */
    private void dragRowsOut(Table table) {
        DragSource drag = new DragSource(table, DND.DROP_COPY);
        drag.setTransfer(FileTransfer.getInstance());
        drag.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                event.doit = rows.server() != null && !selected().isEmpty();
                draggingOut = event.doit;
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                List<Path> files = filesForDrag();
                event.doit = !files.isEmpty();
                event.data = files.stream().map(Path::toString).toArray(String[]::new);
            }

            @Override
            public void dragFinished(DragSourceEvent event) {
                draggingOut = false;
            }
        });
    }

    /**
     * Downloads the selected documents for a drag, each into a new temp folder under its own name, while the
     * workbench shows progress; empty when the user cancelled or a download failed (the error is shown).
     */
    public List<Path> filesForDrag() {
        ConnectedServer server = rows.server();
        List<DocumentInfo> docs = selected();
        List<Path> files = new ArrayList<>();
        if (server == null || docs.isEmpty()) {
            return files;
        }
        try {
            PlatformUI.getWorkbench().getProgressService().busyCursorWhile(m -> {
                m.beginTask("Downloading " + docs.size() + (docs.size() == 1 ? " document" : " documents") + " to drop",
                        ByteProgress.units(docs.stream().mapToLong(DocumentInfo::size).sum()));
                ByteProgress progress = new ByteProgress(m);
                for (DocumentInfo d : docs) {
                    if (m.isCanceled()) {
                        throw new InterruptedException();
                    }
                    progress.file(d.name(), d.size());
                    Path file = tempFolder().resolve(Names.requireFileName(d.name(), "document"));
                    DownloadFile.write(DocumentsClients.of(server), d.id(), 0, file, false, progress);
                    files.add(file);
                }
                m.done();
            });
            return files;
        } catch (InterruptedException e) {
            return List.of();
        } catch (java.lang.reflect.InvocationTargetException e) {
            org.syncline.ui.ErrorReporter.report("Could not download the dragged documents", e.getCause());
            return List.of();
        }
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("syncline-drag");
        } catch (java.io.IOException e) {
            throw new SynclineException(org.syncline.core.ErrorCode.STORAGE, "Could not make a temp folder for the dragged documents ("
                    + e.getMessage() + "); check the temp folder has space.", e);
        }
    }

    /**
     * The view's keys (Delete, F2, Ctrl+S...) are active only while the table has the focus: in the search
     * fields Delete and F2 must edit the text, not the selected documents.
     */
    private void keysWhileTableHasFocus(Table table) {
        IContextService contexts = getSite().getService(IContextService.class);
        table.addFocusListener(new FocusListener() {
            @Override
            public void focusGained(FocusEvent e) {
                if (keys == null) {
                    keys = contexts.activateContext(CONTEXT);
                }
            }

            @Override
            public void focusLost(FocusEvent e) {
                if (keys != null) {
                    contexts.deactivateContext(keys);
                    keys = null;
                }
            }
        });
    }

    private void serverMaybeChanged() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        ConnectedServer now = Servers.selected().filter(ConnectedServer::isConnected).orElse(null);
        if (now != rows.server()) {
            node.setItems(new String[] {ANY_NODE});
            node.select(0);
            show(now, false);
            readNodes();
        }
    }

    private void describe() {
        ConnectedServer server = rows.server();
        long total = rows.total();
        DocumentQuery q = rows.query();
        boolean filtered = q.name() != null || q.author() != null || q.tag() != null || q.node() != null || q.mimeType() != null
                || q.modifiedAfter() != null || q.modifiedBefore() != null || q.minSize() != null || q.maxSize() != null;
        setContentDescription(server == null ? "Select a connected server in the Servers view."
                : filterProblem != null ? filterProblem
                : String.format("%,d %s%s on %s", total, total == 1 ? "document" : "documents", filtered ? " match" : "", server.label()));
    }

    /** The rows the table shows, for tests: the number the server counted. */
    public long total() {
        return rows.total();
    }

    /** For tests: the page numbers (of {@value DocumentRows#PAGE_SIZE} rows) asked of the server since the view opened, in order. */
    public List<Integer> pagesAsked() {
        return rows.pagesAsked();
    }

    /** Reads the documents again, keeping the user's place. */
    public void refresh() {
        show(rows.server(), true);
    }

    /** Brings up the Versions view on the one selected document (Show Versions, Ctrl+Shift+H): it follows this selection. */
    void showVersions() {
        if (selected().size() != 1) {
            return;
        }
        try {
            getSite().getPage().showView(VersionsView.ID);
        } catch (org.eclipse.ui.PartInitException e) {
            throw new IllegalStateException("The Versions view cannot be opened", e);
        }
    }

    void focusSearch() {
        name.setFocus();
        name.selectAll();
    }

    /**
     * The selected rows hold new versions of their documents: the selection is said again, so the Properties view and
     * the others that follow it show the document as it is now.
     */
    private void selectionRefreshed() {
        viewer.sayTheSelectionAgain();
    }

    /** Says its selection again without setting it (setting it looks for the elements among all rows: 100,000). */
    private static final class DocumentTableViewer extends TableViewer {
        DocumentTableViewer(Composite parent, int style) {
            super(parent, style);
        }

        void sayTheSelectionAgain() {
            SelectionChangedEvent e = new SelectionChangedEvent(this, getSelection());
            fireSelectionChanged(e);
            firePostSelectionChanged(e);
        }
    }

    private List<DocumentInfo> selected() {
        List<DocumentInfo> docs = new ArrayList<>();
        for (Object o : viewer.getStructuredSelection().toList()) {
            if (o instanceof DocumentInfo d) {
                docs.add(d);
            }
        }
        return docs;
    }

    void registerFiles() {
        if (rows.server() == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN | SWT.MULTI);
        String onNode = chosenNode();
        dialog.setText("Register Files on " + rows.server().label() + (onNode == null ? "" : ", node " + onNode));
        if (dialog.open() != null) {
            Path dir = Path.of(dialog.getFilterPath());
            register(Arrays.stream(dialog.getFileNames()).map(dir::resolve).toList());
        }
    }

    /**
     * Registers local files and folders (the regular files below them) on the shown server, as one
     * cancellable job; the rows appear when the server pushes them. The drop handler and Register Files...
     * both come here. They go to the storage node the Node filter shows (the user looking at a node's documents
     * adds to that node), or with "(any node)" to the one the registry chooses by free space.
     *
     * @return the job, or null when no server is shown
     */
    public Job register(List<Path> paths) {
        ConnectedServer server = rows.server();
        if (server == null || paths.isEmpty()) {
            return null;
        }
        String onNode = chosenNode();
        String what = paths.size() == 1 ? paths.get(0).getFileName().toString() : paths.size() + " files and folders";
        return ServerJob.schedule("Registering " + what + " on " + server.label() + (onNode == null ? "" : ", node " + onNode),
                m -> FileRegistration.run(DocumentsClients.of(server), paths, onNode, m));
    }

    /** The storage node the Node filter shows, or null for "(any node)". */
    private String chosenNode() {
        return node.getSelectionIndex() <= 0 ? null : node.getText();
    }

    void download() {
        ConnectedServer server = rows.server();
        List<DocumentInfo> docs = selected();
        if (server == null || docs.isEmpty()) {
            return;
        }
        if (docs.size() == 1) {
            saveAs(getSite().getShell(), server, docs.get(0), 0, docs.get(0).size());
            return;
        }
        DirectoryDialog dialog = new DirectoryDialog(getSite().getShell());
        dialog.setText("Download " + docs.size() + " documents to");
        String dir = dialog.open();
        if (dir != null) {
            ServerJob.schedule("Downloading " + docs.size() + " documents from " + server.label(), m -> {
                m.beginTask("Downloading", ByteProgress.units(docs.stream().mapToLong(DocumentInfo::size).sum()));
                ByteProgress progress = new ByteProgress(m);
                for (int i = 0; i < docs.size(); i++) {
                    if (m.isCanceled()) {
                        return;
                    }
                    DocumentInfo d = docs.get(i);
                    progress.file(d.name() + " (" + (i + 1) + " of " + docs.size() + ")", d.size());
                    // never silently replace a file the user has, and never leave the chosen folder
                    DownloadFile.write(DocumentsClients.of(server), d.id(), 0,
                            Path.of(dir).resolve(Names.requireFileName(d.name(), "document")), false, progress);
                }
            });
        }
    }

    /** Asks where to save one version (0: the newest) of {@code size} bytes and downloads it there; the Versions view uses it too. */
    static void saveAs(org.eclipse.swt.widgets.Shell shell, ConnectedServer server, DocumentInfo doc, int version, long size) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(version == 0 ? "Download " + doc.name() : "Download version " + version + " of " + doc.name());
        dialog.setFileName(doc.name());
        dialog.setOverwrite(true); // the dialog asked, so replacing is what the user chose
        String target = dialog.open();
        if (target != null) {
            ServerJob.schedule("Downloading " + doc.name() + " from " + server.label(),
                    m -> DownloadFile.write(DocumentsClients.of(server), doc.id(), version, size, Path.of(target), true, m));
        }
    }

    /** Downloads the document into a folder of its own under the temp folder and opens it with the desktop's application. */
    void open() {
        ConnectedServer server = rows.server();
        List<DocumentInfo> docs = selected();
        if (server == null || docs.size() != 1) {
            return;
        }
        DocumentInfo doc = docs.get(0);
        ServerJob.schedule("Opening " + doc.name(), m -> {
            Path file;
            try {
                file = Files.createTempDirectory("syncline-open").resolve(Names.requireFileName(doc.name(), "document"));
            } catch (java.io.IOException e) {
                throw new SynclineException(org.syncline.core.ErrorCode.STORAGE, "Could not make a temp folder to open "
                        + doc.name() + " in (" + e.getMessage() + "); use Download... instead.", e);
            }
            DownloadFile.write(DocumentsClients.of(server), doc.id(), 0, doc.size(), file, false, m);
            ui.execute(() -> {
                // not a failure (the download worked): said as a notice, not logged as an error with a stack trace
                if (!org.eclipse.swt.program.Program.launch(file.toString()) && !viewer.getControl().isDisposed()) {
                    org.eclipse.jface.dialogs.MessageDialog.openInformation(getSite().getShell(), "Open " + doc.name(),
                            "No application on this desktop opens " + doc.mimeType() + " files; " + doc.name() + " was downloaded to " + file + ".");
                }
            });
        });
    }

    void updateFromFile() {
        ConnectedServer server = rows.server();
        List<DocumentInfo> docs = selected();
        if (server == null || docs.size() != 1) {
            return;
        }
        DocumentInfo doc = docs.get(0);
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
        dialog.setText("New version of " + doc.name());
        String file = dialog.open();
        if (file != null) {
            ServerJob.schedule("Updating " + doc.name() + " on " + server.label(), m -> {
                try (var in = Files.newInputStream(Path.of(file))) {
                    DocumentsClients.of(server).update(doc.id(), in);
                } catch (java.io.IOException e) {
                    throw new SynclineException(org.syncline.core.ErrorCode.STORAGE, "Could not read " + file + " ("
                            + e.getMessage() + "); the document is unchanged.", e);
                }
            });
        }
    }

    void rename() {
        ConnectedServer server = rows.server();
        List<DocumentInfo> docs = selected();
        if (server == null || docs.size() != 1) {
            return;
        }
        DocumentInfo doc = docs.get(0);
        IInputValidator valid = text -> {
            try {
                Names.requireFileName(text, "document");
                return null;
            } catch (SynclineException e) {
                return e.getMessage();
            }
        };
        InputDialog dialog = new InputDialog(getSite().getShell(), "Rename", "New name for '" + doc.name() + "':", doc.name(), valid);
        if (dialog.open() == Window.OK && !dialog.getValue().equals(doc.name())) {
            ServerJob.schedule("Renaming " + doc.name(), m -> DocumentsClients.of(server).rename(doc.id(), dialog.getValue()));
        }
    }

    void editMetadata() {
        ConnectedServer server = rows.server();
        List<DocumentInfo> docs = selected();
        if (server == null || docs.size() != 1) {
            return;
        }
        DocumentInfo doc = docs.get(0);
        MetadataDialog dialog = new MetadataDialog(getSite().getShell(), doc);
        if (dialog.open() == Window.OK && !dialog.changes().isEmpty()) {
            ServerJob.schedule("Editing the metadata of " + doc.name(), m -> DocumentsClients.of(server).edit(doc.id(), dialog.changes()));
        }
    }

    void share() {
        ConnectedServer server = rows.server();
        List<DocumentInfo> docs = selected();
        if (server == null || docs.size() != 1) {
            return;
        }
        DocumentInfo doc = docs.get(0);
        // its owner and those it is shared with already are not suggested again
        java.util.Set<String> already = new java.util.HashSet<>();
        already.add(DocumentShare.USER + ":" + doc.owner());
        doc.shares().forEach(s -> already.add(s.kind() + ":" + s.subject()));
        ShareDialog dialog = new ShareDialog(getSite().getShell(), doc, prefix -> {
            org.syncline.protocol.ShareNames n = DocumentsClients.of(server).shareNames(doc.id(), prefix);
            return new org.syncline.protocol.ShareNames(n.users().stream().filter(u -> !already.contains(DocumentShare.USER + ":" + u)).toList(),
                    n.groups().stream().filter(g -> !already.contains(DocumentShare.GROUP + ":" + g)).toList());
        });
        if (dialog.open() == Window.OK) {
            ServerJob.schedule("Sharing " + doc.name() + " with " + dialog.kind() + " " + dialog.subject(),
                    m -> DocumentsClients.of(server).share(doc.id(), dialog.kind(), dialog.subject(), dialog.right()));
        }
    }

    void delete() {
        List<DocumentInfo> docs = selected();
        if (rows.server() == null || docs.isEmpty()) {
            return;
        }
        String what = docs.size() == 1 ? "'" + docs.get(0).name() + "'" : docs.size() + " documents";
        if (MessageDialog.openConfirm(getSite().getShell(), "Delete", "Delete " + what + " with every version from "
                + rows.server().label() + "? This cannot be undone.")) {
            deleteWithoutAsking(docs);
        }
    }

    /** Delete after the user confirmed (tests call it directly, as no one answers a dialog there). */
    public Job deleteWithoutAsking(List<DocumentInfo> docs) {
        ConnectedServer server = rows.server();
        if (server == null) {
            return null;
        }
        return ServerJob.schedule("Deleting " + (docs.size() == 1 ? docs.get(0).name() : docs.size() + " documents"), m -> {
            m.beginTask("Deleting", docs.size());
            for (DocumentInfo d : docs) {
                if (m.isCanceled()) {
                    return;
                }
                DocumentsClients.of(server).delete(d.id());
                m.worked(1);
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
        DocumentsClients.removeListener(pushed);
        DocumentsClients.removeNodeListener(nodeChanged);
        super.dispose();
    }
}
