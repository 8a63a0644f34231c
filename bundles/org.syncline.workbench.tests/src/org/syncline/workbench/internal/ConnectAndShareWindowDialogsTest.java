package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.syncline.core.HostPort;
import org.syncline.sharing.internal.ui.ShareWindowDialog;
import org.syncline.ui.internal.servers.ConnectDialog;

/**
 * Connect to Server and Share a Window, the two dialogs no live test opened, say what they said before they became
 * FormDialogs: what is still to give as the message, input typed wrong in red, and their own OK labels.
 */
class ConnectAndShareWindowDialogsTest {
    private static Shell workbench() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    @Test
    void connectWaitsForThePasswordAndCallsOnlyAWrongPortAnError() throws Exception {
        ConnectDialog dialog = new ConnectDialog(workbench());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            assertEquals("Connect to Server", shell.getText());
            Button connect = button(shell, "&Connect");
            assertEquals(connect, shell.getDefaultButton(), "Enter connects");
            assertEquals("Enter the password.", dialog.getMessage());
            assertNull(dialog.getErrorMessage());
            assertFalse(connect.isEnabled());

            Text port = UiEvents.find(shell, Text.class, t -> t.getText().equals(Integer.toString(HostPort.DEFAULT_PORT)));
            port.setText("no-port");
            assertNotNull(dialog.getErrorMessage(), "a port that is no number is an error");
            assertFalse(connect.isEnabled());
            port.setText(Integer.toString(HostPort.DEFAULT_PORT));
            UiEvents.find(shell, Text.class, t -> (t.getStyle() & SWT.PASSWORD) != 0).setText("secret");
            assertNull(dialog.getErrorMessage());
            assertEquals("The connection uses TLS; the server's certificate is checked against the one seen first.", dialog.getMessage());
            assertTrue(connect.isEnabled());
            Screenshots.save(shell.getDisplay(), "dialog-connect.png");
        } finally {
            dialog.close();
        }
    }

    @Test
    void shareAWindowAsksForTheWindowThenATitleAndSaysWhatViewersWillSee() throws Exception {
        ShareWindowDialog dialog = new ShareWindowDialog(workbench());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            Button share = button(shell, "&Share");
            assertTrue(dialog.getMessage().endsWith("Choose the window to share (Enter shares it).")
                    || dialog.getMessage().endsWith("You can still share the whole screen."), dialog.getMessage());
            assertNull(dialog.getErrorMessage(), "nothing is typed wrong yet");
            assertFalse(share.isEnabled());

            Table windows = UiEvents.find(shell, Table.class, t -> true);
            windows.setSelection(windows.getItemCount() - 1); // "Whole screen", last
            windows.notifyListeners(SWT.Selection, new Event());
            assertEquals("Give the room a title.", dialog.getMessage());
            assertFalse(share.isEnabled());

            UiEvents.find(shell, Text.class, t -> (t.getStyle() & SWT.SINGLE) != 0 && (t.getStyle() & SWT.PASSWORD) == 0).setText("Demo");
            assertEquals("Viewers see everything on the screen; a viewer you grant control to controls the whole screen.", dialog.getMessage());
            assertNull(dialog.getErrorMessage());
            assertTrue(share.isEnabled());
            Screenshots.save(shell.getDisplay(), "dialog-share-window.png");
        } finally {
            dialog.close();
        }
    }

    private static Button button(Shell shell, String label) {
        Button b = UiEvents.find(shell, Button.class, x -> label.equals(x.getText()));
        assertNotNull(b, "the dialog has a button " + label);
        return b;
    }
}
