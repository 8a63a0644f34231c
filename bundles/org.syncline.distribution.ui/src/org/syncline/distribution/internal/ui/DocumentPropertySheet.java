package org.syncline.distribution.internal.ui;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.views.properties.PropertySheetPage;

/**
 * The Properties view's page for the topology tree and editor: Ctrl+Z and Ctrl+Y in the Properties view undo
 * and redo on the document's command stack, as they do in the editor, so an edit made in a cell is taken
 * back where it was made.
 */
final class DocumentPropertySheet extends PropertySheetPage {
    private final TopologyDocument document;

    DocumentPropertySheet(TopologyDocument document) {
        this.document = document;
    }

    @Override
    public void setActionBars(IActionBars bars) {
        super.setActionBars(bars);
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), action("Undo", IWorkbenchCommandConstants.EDIT_UNDO, () -> document.stack().undo()));
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), action("Redo", IWorkbenchCommandConstants.EDIT_REDO, () -> document.stack().redo()));
        bars.updateActionBars();
    }

    /** An action the command {@code command} (and its key) runs while the Properties view is active. */
    private Action action(String text, String command, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                run.run();
                refresh();
            }
        };
        a.setActionDefinitionId(command);
        return a;
    }
}
