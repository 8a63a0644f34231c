package org.syncline.ui.internal.handlers;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.syncline.ui.internal.servers.ServerConnections;

/** Forgets the selected servers and their saved passwords, after asking. */
public final class RemoveServerHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        List<String> names = SelectedServers.of(event);
        if (!names.isEmpty() && MessageDialog.openConfirm(HandlerUtil.getActiveShell(event), "Remove Server",
                "Remove " + String.join(", ", names) + " from the list and forget any saved password?")) {
            names.forEach(ServerConnections.instance()::remove);
        }
        return null;
    }
}
