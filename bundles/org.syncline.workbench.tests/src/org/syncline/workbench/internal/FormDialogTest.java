package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncline.ui.FormDialog;

/**
 * The frame the workbench's dialogs share: what still has to be typed is said as the message and keeps OK off, input
 * typed wrong is said in red and keeps OK off, and once the input is good the default message is back and OK (the
 * default button, so Enter) is on.
 */
class FormDialogTest {
    private static final String MESSAGE = "A name is all it takes.";
    private NameDialog dialog;

    /** A one-field form: a name, which must not contain a space. */
    private static final class NameDialog extends FormDialog {
        Text name;

        NameDialog(Shell shell) {
            super(shell, "Name It", "Give it a name", MESSAGE, 420);
        }

        @Override
        protected void createForm(Composite form) {
            new Label(form, SWT.NONE).setText("&Name:");
            name = new Text(form, SWT.BORDER);
            name.addModifyListener(e -> validate());
        }

        @Override
        protected String problem() {
            return name.getText().contains(" ") ? "A name has no spaces." : null;
        }

        @Override
        protected String instruction() {
            return name.getText().isEmpty() ? "Type a name." : null;
        }
    }

    @BeforeEach
    void open() {
        dialog = new NameDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        dialog.setBlockOnOpen(false);
        dialog.open();
    }

    @AfterEach
    void close() {
        dialog.close();
    }

    @Test
    void okWaitsForGoodInputAndTheTitleAreaSaysWhatIsMissingOrWrong() {
        Button ok = dialog.getShell().getDefaultButton();
        assertSame(ok, find(IDialogConstants.OK_LABEL), "OK is the default button: Enter presses it");
        assertEquals("Name It", dialog.getShell().getText());
        assertNotNull(find(IDialogConstants.CANCEL_LABEL), "Cancel, as Esc");
        int width = dialog.getShell().getSize().x;
        assertTrue(width >= 420 && width < 480, "the width given, and the window's trim: " + width);
        assertTrue(String.join("\n", UiEvents.texts(dialog.getShell())).contains("Give it a name"));

        // nothing typed: an instruction, not an error
        assertEquals("Type a name.", dialog.getMessage());
        assertNull(dialog.getErrorMessage());
        assertFalse(ok.isEnabled());

        dialog.name.setText("a b");
        assertEquals("A name has no spaces.", dialog.getErrorMessage());
        assertFalse(ok.isEnabled());

        dialog.name.setText("ab");
        assertNull(dialog.getErrorMessage());
        assertEquals(MESSAGE, dialog.getMessage(), "the default message is back");
        assertTrue(ok.isEnabled());

        dialog.name.setText("");
        assertEquals("Type a name.", dialog.getMessage());
        assertFalse(ok.isEnabled());
    }

    private Button find(String label) {
        return UiEvents.find(dialog.getShell(), Button.class, b -> label.equals(b.getText()));
    }
}
