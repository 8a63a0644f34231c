package org.syncline.sync.internal.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.sync.FolderMember;

/** Asks whom to share a folder with (a user or a group) and for which right: read, write (rw) or manage. */
final class MemberDialog extends TitleAreaDialog {
    private static final String[] RIGHTS = { "read", "write", "manage" };
    private final String folder;
    private Combo kindCombo;
    private Text subjectText;
    private Combo rightCombo;
    private String kind;
    private String subject;
    private String right;

    MemberDialog(Shell shell, String folder) {
        super(shell);
        this.folder = folder;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        getShell().setText("Add Member");
        setTitle("Share " + folder);
        setMessage("read: sync and see history; write (rw): also change files; manage: also share and remove the folder.");
        Composite c = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        new Label(c, SWT.NONE).setText("&Kind:");
        kindCombo = new Combo(c, SWT.READ_ONLY);
        kindCombo.setItems(FolderMember.USER, FolderMember.GROUP);
        kindCombo.select(0);
        new Label(c, SWT.NONE).setText("&Name:");
        subjectText = new Text(c, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(subjectText);
        new Label(c, SWT.NONE).setText("&Right:");
        rightCombo = new Combo(c, SWT.READ_ONLY);
        rightCombo.setItems(RIGHTS);
        rightCombo.select(1);
        subjectText.addListener(SWT.Modify, e -> getButton(IDialogConstants.OK_ID).setEnabled(!subjectText.getText().isBlank()));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setText("&Share");
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    @Override
    protected void okPressed() {
        kind = kindCombo.getText();
        subject = subjectText.getText().trim();
        right = rightCombo.getText();
        super.okPressed();
    }

    String kind() {
        return kind;
    }

    String subject() {
        return subject;
    }

    String right() {
        return right;
    }
}
