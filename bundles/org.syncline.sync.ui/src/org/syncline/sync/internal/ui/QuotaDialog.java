package org.syncline.sync.internal.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.ui.FormDialog;

/** Asks for a user and the quota to give them, in bytes or MiB (0: no limit). */
final class QuotaDialog extends FormDialog {
    private Text userText;
    private Text amountText;
    private Combo unitCombo;
    private String user;
    private long bytes;

    QuotaDialog(Shell shell) {
        super(shell, "Set Quota", "Set a user's quota", "It counts the files of the folders the user owns; 0 means no limit. Admins only.",
                SWT.DEFAULT);
    }

    @Override
    protected void createForm(Composite c) {
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(c);
        new Label(c, SWT.NONE).setText("&User:");
        userText = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(200, SWT.DEFAULT).applyTo(userText);
        new Label(c, SWT.NONE).setText("&Quota:");
        amountText = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(amountText);
        unitCombo = new Combo(c, SWT.READ_ONLY);
        unitCombo.setItems("MiB", "bytes");
        unitCombo.select(0);
        userText.addListener(SWT.Modify, e -> validate());
        amountText.addListener(SWT.Modify, e -> validate());
    }

    // what is still to type is an instruction; only a quota that is not a number is an error

    @Override
    protected String problem() {
        String amount = amountText.getText().trim();
        return amount.isEmpty() || amount.matches("\\d{1,15}") ? null : "Type the quota as a whole number (0: no limit).";
    }

    @Override
    protected String instruction() {
        return userText.getText().isBlank() ? "Type the user's name." : amountText.getText().isBlank() ? "Type the quota (0: no limit)." : null;
    }

    @Override
    protected void okPressed() {
        user = userText.getText().trim();
        long amount = Long.parseLong(amountText.getText().trim());
        bytes = unitCombo.getText().equals("MiB") ? amount * 1024 * 1024 : amount;
        super.okPressed();
    }

    String user() {
        return user;
    }

    long bytes() {
        return bytes;
    }
}
