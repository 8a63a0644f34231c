package org.syncline.distribution.internal.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.syncline.core.SynclineException;
import org.syncline.distribution.TopologySaved;
import org.syncline.distribution.TopologyVersion;
import org.syncline.distribution.internal.ui.diagram.DiagramExport;
import org.syncline.distribution.internal.ui.diagram.DiagramLayout;
import org.syncline.distribution.internal.ui.diagram.DiagramSite;
import org.syncline.distribution.internal.ui.jobs.JobOverlay;
import org.syncline.distribution.internal.ui.diagram.RunOverlay;
import org.syncline.distribution.internal.ui.diagram.TopologyCanvas;
import org.syncline.distribution.internal.ui.diagram.TopologyEdits;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.ui.ErrorReporter;

/**
 * The topology of the connected master as a diagram: the palette above, the canvas, the validator's problems
 * below. Every change is a command on the document's stack (undo, redo, dirty); Ctrl+S saves against the
 * version it was read at; a save by someone else reloads a clean editor and is offered to a dirty one.
 */
public final class TopologyEditor extends EditorPart implements TopologyDocument.Listener, DiagramSite {
    public static final String ID = "org.syncline.distribution.ui.editors.topology";
    static final String CONTEXT = "org.syncline.distribution.ui.editorContext";
    private static final String COMMANDS = "org.syncline.distribution.ui.";

    private TopologyDocument document;
    private TopologyCanvas canvas;
    private ProblemList problems;
    private InfoBar info;
    private final PartSelection selection = new PartSelection();
    private String lastConflict;
    private JobOverlay jobOverlay;
    private String overlayTitle;
    private final ISelectionListener treeSelection = (part, s) -> {
        if (part instanceof TopologyView && s instanceof IStructuredSelection ss && canvas != null) {
            List<EObject> elements = new ArrayList<>();
            for (Object o : ss.toList()) {
                if (o instanceof EObject e) {
                    elements.add(e);
                }
            }
            canvas.select(elements);
        }
    };

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof TopologyEditorInput in)) {
            throw new PartInitException("The topology editor opens the topology of a connected server.");
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        document = TopologyDocuments.of(in.server());
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        Palette palette = new Palette(parent, this);
        info = new InfoBar(parent);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        canvas = new TopologyCanvas(sash, this);
        palette.follow(canvas);
        problems = new ProblemList(sash, e -> {
            canvas.select(List.of(e));
            selectionChanged();
            canvas.control().setFocus();
        });
        sash.setWeights(80, 20);
        contextMenu();
        getSite().setSelectionProvider(selection);
        getSite().getPage().addSelectionListener(TopologyView.ID, treeSelection);
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        handlers();
        document.addListener(this);
        jobOverlay = new JobOverlay(getSite().getPage(), ((TopologyEditorInput) getEditorInput()).server(), this::showOverlay);
        if (document.isLoaded()) {
            changed();
        } else {
            document.load();
        }
    }

    private void handlers() {
        IHandlerService service = getSite().getService(IHandlerService.class);
        service.activateHandler(IWorkbenchCommandConstants.EDIT_UNDO, handler(() -> document.stack().undo()));
        service.activateHandler(IWorkbenchCommandConstants.EDIT_REDO, handler(() -> document.stack().redo()));
        service.activateHandler(IWorkbenchCommandConstants.EDIT_DELETE, handler(this::delete));
        service.activateHandler(IWorkbenchCommandConstants.EDIT_COPY, handler(this::copy));
        service.activateHandler(IWorkbenchCommandConstants.EDIT_PASTE, handler(this::paste));
        service.activateHandler(IWorkbenchCommandConstants.EDIT_SELECT_ALL, handler(() -> {
            canvas.select(canvas.layout().elements());
            selectionChanged();
        }));
        service.activateHandler(IWorkbenchCommandConstants.FILE_SAVE, handler(this::save));
    }

    /** The canvas's context menu: the editor's commands, with their keys (Arrange All is Ctrl+Shift+L). */
    private void contextMenu() {
        MenuManager menu = new MenuManager("#TopologyEditor");
        for (String id : new String[] { IWorkbenchCommandConstants.EDIT_UNDO, IWorkbenchCommandConstants.EDIT_REDO,
                IWorkbenchCommandConstants.EDIT_DELETE, null, COMMANDS + "addRegion", COMMANDS + "addGroup", COMMANDS + "addServer",
                COMMANDS + "routeTool", null, COMMANDS + "autoLayout", null, COMMANDS + "exportPng", COMMANDS + "exportSvg" }) {
            if (id == null) {
                menu.add(new Separator());
            } else {
                menu.add(new CommandContributionItem(new CommandContributionItemParameter(getSite(), null, id, CommandContributionItem.STYLE_PUSH)));
            }
        }
        canvas.control().setMenu(menu.createContextMenu(canvas.control()));
    }

    private static AbstractHandler handler(Runnable action) {
        return new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                action.run();
                return null;
            }
        };
    }

    // --- what the canvas asks of the editor (DiagramSite)

    @Override
    public Deployment deployment() {
        return document.deployment();
    }

    @Override
    public TopologyEdits edits() {
        return document.edits();
    }

    @Override
    public void execute(Command command) {
        document.execute(command);
    }

    @Override
    public void selectionChanged() {
        selection.setSelection(new StructuredSelection(new ArrayList<>(canvas.state().selection)));
    }

    // --- what the document tells (TopologyDocument.Listener)

    @Override
    public void changed() {
        if (canvas == null || canvas.control().isDisposed()) {
            return;
        }
        canvas.refresh();
        List<ProblemList.Problem> found = problems.validate(document.deployment());
        canvas.showProblems(ProblemList.severities(found), ProblemList.messages(found));
        describe(found.size());
        firePropertyChange(PROP_DIRTY);
    }

    private void describe(int problemCount) {
        setContentDescription("Version " + document.version().version() + (problemCount == 0 ? "" : ", " + problemCount + " problem(s)")
                + (overlayTitle == null ? "" : "; showing " + overlayTitle));
    }

    /** Draws a job's tree over the diagram (null: none); only the drawing changes, never the model. */
    private void showOverlay(RunOverlay overlay) {
        if (canvas == null || canvas.control().isDisposed()) {
            return;
        }
        canvas.state().overlay = overlay;
        overlayTitle = overlay == null ? null : overlay.title();
        if (document.isLoaded()) {
            describe(problems.problems().size());
        }
        canvas.redraw();
    }

    /** The job tree drawn over the diagram, or null. */
    public RunOverlay overlay() {
        return canvas.state().overlay;
    }

    @Override
    public void statesChanged() {
        if (canvas != null && !canvas.control().isDisposed()) {
            canvas.redraw();
        }
    }

    @Override
    public void savedElsewhere(TopologyVersion v) {
        info.show("Topology changed by " + v.savedBy() + " (version " + v.version() + ": " + v.summary() + "). "
                + "<a href=\"reload\">Reload</a> (drops your changes) or <a href=\"keep\">keep mine</a> (your next save replaces theirs).",
                () -> document.load(), () -> document.keepMine(v));
    }

    @Override
    public void saved(TopologySaved s) {
        if (s.warnings().isEmpty()) {
            info.hide();
        } else {
            info.show("Saved version " + s.version().version() + " with " + s.warnings().size() + " warning(s): "
                    + String.join(" ", s.warnings()), () -> { }, () -> { });
        }
    }

    @Override
    public void conflict(String message) {
        lastConflict = message;
        boolean conflict = message.startsWith("Your change was made on version");
        info.show("Not saved: " + message, () -> { }, () -> { });
        MessageDialog.openError(getSite().getShell(), "The topology was not saved", message
                + (conflict ? "\n\nReload the topology (F5) to see their change, then make yours again."
                        : "\n\nYour changes stay in the editor; an admin, or a user with the distribution-manage right, can save them."));
    }

    // --- actions

    /** Saves as a job; returns it (null when nothing is to save), for tests. */
    public Job save() {
        return isDirty() ? document.save() : null;
    }

    public void delete() {
        execute(edits().delete(new ArrayList<>(canvas.state().selection)));
    }

    public void copy() {
        TopologyClipboard.copy(canvas.state().selection);
    }

    public void paste() {
        EObject target = canvas.state().selection.isEmpty() ? null : canvas.state().selection.iterator().next();
        execute(edits().paste(TopologyClipboard.contents(), target));
    }

    void addRegion() {
        execute(edits().createRegion(canvas.layout().extent().width - DiagramLayout.regionOriginX() + 20, 20));
    }

    /** A group in the selected element's region (or the first region), below its groups. */
    void addGroup() {
        EObject at = firstSelected();
        Region r = at instanceof Region region ? region : at instanceof Group g ? g.getRegion()
                : at instanceof Server s && s.getGroup() != null ? s.getGroup().getRegion()
                : deployment().getRegions().isEmpty() ? null : deployment().getRegions().get(0);
        if (r != null) {
            execute(edits().createGroup(r, DiagramLayout.PAD, canvas.layout().bounds(r).height));
        }
    }

    /** A server in the selected group (or the selected server's group), else in the Unassigned pool. */
    void addServer() {
        EObject at = firstSelected();
        EObject target = at instanceof Group g ? g : at instanceof Server s && s.getGroup() != null ? s.getGroup() : deployment();
        execute(edits().createServer(target));
    }

    private EObject firstSelected() {
        return canvas.state().selection.isEmpty() ? null : canvas.state().selection.iterator().next();
    }

    void reload() {
        if (!isDirty() || MessageDialog.openQuestion(getSite().getShell(), "Reload the topology",
                "Drop your unsaved changes and read the topology the master holds now?")) {
            info.hide();
            document.load();
        }
    }

    void export(String format) {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*." + format });
        dialog.setFileName("topology." + format);
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            export(Path.of(file), format);
        }
    }

    /** Writes the diagram as "png" or "svg" to {@code file}. */
    public void export(Path file, String format) {
        try {
            if ("png".equals(format)) {
                DiagramExport.png(canvas.control().getDisplay(), canvas.layout(), file);
            } else {
                DiagramExport.svg(canvas.layout(), file);
            }
        } catch (SynclineException e) {
            ErrorReporter.report("Could not export the topology", e);
        }
    }

    public TopologyCanvas canvas() {
        return canvas;
    }

    public boolean isLoaded() {
        return document.isLoaded() && canvas != null;
    }

    public long version() {
        return document.version().version();
    }

    public void undo() {
        document.stack().undo();
    }

    public void redo() {
        document.stack().redo();
    }

    public String conflictShown() {
        return lastConflict;
    }

    public String infoShown() {
        return info.isShown() ? info.message() : null;
    }

    public List<String> problemsShown() {
        return problems.problems().stream().map(ProblemList.Problem::message).toList();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        save();
    }

    @Override
    public void doSaveAs() {
        // a topology has one place: its master
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public boolean isDirty() {
        return document.isLoaded() && document.isDirty();
    }

    @Override
    public void setFocus() {
        canvas.control().setFocus();
    }

    @Override
    public <T> T getAdapter(Class<T> type) {
        if (type == IPropertySheetPage.class) {
            return type.cast(new TopologyPropertySheet(() -> document.isLoaded() ? document.stack() : null));
        }
        return super.getAdapter(type);
    }

    @Override
    public void dispose() {
        document.removeListener(this);
        if (jobOverlay != null) {
            jobOverlay.dispose();
        }
        getSite().getPage().removeSelectionListener(TopologyView.ID, treeSelection);
        if (document.isDirty() && document.server().isConnected() && !PlatformUI.getWorkbench().isClosing()) {
            document.load(); // closed without saving: the tree shows the master's topology again
        }
        super.dispose();
    }
}
