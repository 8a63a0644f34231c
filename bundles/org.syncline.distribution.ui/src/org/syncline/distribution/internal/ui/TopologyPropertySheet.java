package org.syncline.distribution.internal.ui;

import java.util.function.Supplier;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.views.properties.PropertySheetPage;
import org.syncline.ui.ColumnTable;

/**
 * The Properties view's page for the topology editor and tree: its edits are commands on the topology
 * document's stack, so Undo and Redo (Ctrl+Z / Ctrl+Y) pressed in the Properties view undo and redo on that
 * same stack, and the editor's dirty state follows.
 */
final class TopologyPropertySheet extends PropertySheetPage {
    private final Supplier<CommandStack> stack;

    /** @param stack the stack of the document shown now (a reload replaces it); null while there is none */
    TopologyPropertySheet(Supplier<CommandStack> stack) {
        this.stack = stack;
    }

    @Override
    public void createControl(org.eclipse.swt.widgets.Composite parent) {
        super.createControl(parent);
        // the page first splits the width 40:60 (on its first resize, before this listener) whatever the names
        getControl().addListener(SWT.Resize, e -> fitNames());
    }

    @Override
    public void selectionChanged(org.eclipse.ui.IWorkbenchPart part, org.eclipse.jface.viewers.ISelection selection) {
        super.selectionChanged(part, selection);
        fitNames();
    }

    /**
     * Widens the Property column to its longest name ("Hardware weigh" was cut) while that leaves the values
     * at least two fifths of the view; it never narrows a column the user widened.
     */
    private void fitNames() {
        if (!(getControl() instanceof Tree tree) || tree.isDisposed() || tree.getColumnCount() < 2) {
            return;
        }
        int area = tree.getClientArea().width;
        if (area <= 0) {
            return;
        }
        GC gc = new GC(tree);
        int widest = 0;
        try {
            widest = widestName(gc, tree.getItems(), 0);
        } finally {
            gc.dispose();
        }
        TreeColumn names = tree.getColumn(0);
        int wanted = Math.min(widest + ColumnTable.CELL_MARGIN, area * 3 / 5);
        if (wanted > names.getWidth()) {
            names.setWidth(wanted);
            tree.getColumn(1).setWidth(Math.max(0, area - wanted));
        }
    }

    /** The widest name among {@code items} and their children, with the indent of each level. */
    private static int widestName(GC gc, TreeItem[] items, int depth) {
        int widest = 0;
        for (TreeItem item : items) {
            widest = Math.max(widest, gc.textExtent(item.getText(0)).x + (depth + 1) * LEVEL_INDENT);
            widest = Math.max(widest, widestName(gc, item.getItems(), depth + 1));
        }
        return widest;
    }

    /** How far a tree indents each level (the first too: it has the expander arrows of the categories), in GTK. */
    private static final int LEVEL_INDENT = 24;

    @Override
    public void setActionBars(IActionBars bars) {
        super.setActionBars(bars);
        // with their commands' ids: the handlers then serve Ctrl+Z / Ctrl+Y even where no retargetable action maps them
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), action("Undo", true, IWorkbenchCommandConstants.EDIT_UNDO));
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), action("Redo", false, IWorkbenchCommandConstants.EDIT_REDO));
        bars.updateActionBars();
    }

    private Action action(String text, boolean undo, String commandId) {
        Action a = new Action(text) {
            @Override
            public void run() {
                CommandStack s = stack.get();
                if (s != null && (undo ? s.canUndo() : s.canRedo())) {
                    if (undo) {
                        s.undo();
                    } else {
                        s.redo();
                    }
                    refresh();
                }
            }
        };
        a.setActionDefinitionId(commandId);
        return a;
    }
}
