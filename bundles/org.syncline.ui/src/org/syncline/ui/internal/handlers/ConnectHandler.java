package org.syncline.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.syncline.ui.internal.servers.ConnectDialog;
import org.syncline.ui.internal.servers.FingerprintQuestion;
import org.syncline.ui.internal.servers.ServerConnections;

/** File > Connect to Server...: asks for the server and credentials, then connects in the background. */
public final class ConnectHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        ConnectDialog dialog = new ConnectDialog(shell);
        if (dialog.open() == Window.OK) {
            ServerConnections.instance().connect(dialog.entry(), dialog.password(),
                    new FingerprintQuestion(shell.getDisplay(), null), dialog.savePassword());
            java.util.Arrays.fill(dialog.password(), '\0');
        }
        return null;
    }
}
