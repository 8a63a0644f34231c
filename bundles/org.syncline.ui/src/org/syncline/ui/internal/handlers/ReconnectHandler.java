package org.syncline.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.syncline.ui.internal.servers.FingerprintQuestion;
import org.syncline.ui.internal.servers.ServerConnections;

/** Connects the selected servers again with the password of this session or the saved one. */
public final class ReconnectHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        for (String name : SelectedServers.of(event)) {
            if (!ServerConnections.instance().reconnect(name, new FingerprintQuestion(shell.getDisplay(), null))) {
                MessageDialog.openInformation(shell, "Reconnect", "No password is known for " + name
                        + " in this session. Use File > Connect to Server... to enter it.");
            }
        }
        return null;
    }
}
