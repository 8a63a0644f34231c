package org.syncline.sharing.internal.ui;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.syncline.core.SynclineException;
import org.syncline.sharing.host.HostSession;
import org.syncline.ui.ErrorReporter;

/**
 * A viewer asks for control of the hosted window: a prompt that does not block the workbench, answered with Grant
 * or Refuse (closing it refuses).
 */
final class ControlPrompt extends MessageDialog {
    private final HostSession session;
    private final String user;
    private boolean answered;

    ControlPrompt(Shell parent, HostSession session, String user) {
        super(parent, "Control Requested", null, user + " asks to control '" + session.room().title()
                + "': their mouse and keys would reach the shared window.", QUESTION, 0, "&Grant", "&Refuse");
        this.session = session;
        this.user = user;
        setShellStyle(SWT.DIALOG_TRIM | SWT.MODELESS | SWT.ON_TOP);
        setBlockOnOpen(false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        answer(buttonId == 0);
        super.buttonPressed(buttonId);
    }

    @Override
    public boolean close() {
        answer(false);
        return super.close();
    }

    private void answer(boolean grant) {
        if (answered) {
            return;
        }
        answered = true;
        Thread t = new Thread(() -> {
            try {
                if (grant) {
                    session.grant(user);
                } else {
                    session.refuse(user);
                }
            } catch (SynclineException e) {
                ErrorReporter.log((grant ? "Granting" : "Refusing") + " control to " + user, e);
            }
        }, "sharing control answer");
        t.setDaemon(true);
        t.start();
    }
}
