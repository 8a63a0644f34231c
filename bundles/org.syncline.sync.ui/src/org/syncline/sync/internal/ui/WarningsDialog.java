package org.syncline.sync.internal.ui;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Show Warnings (Ctrl+I in the Sync Folders view): what the pair's engine could not sync as it is, one line each, in a
 * read-only text a user can select and copy (a symlink not followed, a name this side cannot hold, an edit a read-only
 * member may not send).
 */
final class WarningsDialog extends Dialog {
    private final String pair;
    private final List<String> warnings;

    WarningsDialog(Shell parent, String pair, List<String> warnings) {
        super(parent);
        this.pair = pair;
        this.warnings = List.copyOf(warnings);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Sync Warnings");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(1, false));
        Label heading = new Label(area, SWT.WRAP);
        heading.setText(warnings.isEmpty() ? "No warnings for " + pair + "."
                : warnings.size() + (warnings.size() == 1 ? " warning" : " warnings") + " for " + pair
                        + " (the files named stay as they are until you change them; a warning goes at the next walk of the"
                        + " folder that no longer finds it: Sync Now, F5):");
        heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Text text = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        text.setText(String.join("\n", warnings));
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.widthHint = 760;
        data.heightHint = 300;
        text.setLayoutData(data);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }
}
