package org.syncline.distribution.internal.ui;

import java.util.function.Supplier;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.jface.action.Action;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.views.properties.PropertySheetPage;

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
