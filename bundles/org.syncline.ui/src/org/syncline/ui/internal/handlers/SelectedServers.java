package org.syncline.ui.internal.handlers;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;
import org.syncline.ui.internal.views.ServerRow;

/** The names of the servers selected in the Servers view when a command runs. */
final class SelectedServers {
    private SelectedServers() {
    }

    static List<String> of(ExecutionEvent event) {
        List<String> names = new ArrayList<>();
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection) {
            for (Object o : selection.toList()) {
                if (o instanceof ServerRow row) {
                    names.add(row.name());
                }
            }
        }
        return names;
    }
}
