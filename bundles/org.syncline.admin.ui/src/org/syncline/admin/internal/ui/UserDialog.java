package org.syncline.admin.internal.ui;

import java.util.Arrays;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.ui.FormDialog;

/** Asks for a new user (name, password twice, admin) or a new password (and the current one for your own). */
final class UserDialog extends FormDialog {
    private static final int MIN_PASSWORD = 8;
    private final String fixedName;
    private final boolean askOld;
    private Text name;
    private Text old;
    private Text password;
    private Text repeat;
    private Button admin;
    private String nameValue;
    private char[] oldValue;
    private char[] passwordValue;
    private boolean adminValue;
    private boolean touched;

    private UserDialog(Shell shell, String title, String fixedName, boolean askOld) {
        super(shell, fixedName == null ? "New User" : "New Password", title,
                fixedName == null ? "The user logs in with this name and password." : "Their other sessions close when it changes.", SWT.DEFAULT);
        this.fixedName = fixedName;
        this.askOld = askOld;
    }

    static UserDialog newUser(Shell shell, String server) {
        return new UserDialog(shell, "Add a user to " + server, null, false);
    }

    static UserDialog newPassword(Shell shell, String user, boolean own) {
        return new UserDialog(shell, "New password for " + user, user, own);
    }

    @Override
    protected void createForm(Composite form) {
        if (fixedName == null) {
            name = field(form, "&Name:", SWT.BORDER);
        }
        if (askOld) {
            old = field(form, "&Current password:", SWT.BORDER | SWT.PASSWORD);
        }
        password = field(form, "&Password:", SWT.BORDER | SWT.PASSWORD);
        repeat = field(form, "&Repeat:", SWT.BORDER | SWT.PASSWORD);
        if (fixedName == null) {
            new Label(form, SWT.NONE);
            admin = new Button(form, SWT.CHECK);
            admin.setText("&Administrator");
        }
    }

    private Text field(Composite form, String label, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text t = new Text(form, style);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(t);
        t.addModifyListener(e -> {
            touched = true;
            validate();
        });
        return t;
    }

    // nothing typed yet is not an error: say what to do, in red only once the user has typed

    @Override
    protected String problem() {
        return touched ? inputProblem() : null;
    }

    @Override
    protected String instruction() {
        return touched ? null : inputProblem();
    }

    private String inputProblem() {
        if (name != null) {
            try {
                Names.requireUserName(name.getText().trim());
            } catch (SynclineException e) {
                return name.getText().isEmpty() ? "Give the user a name." : e.getMessage();
            }
        }
        if (old != null && old.getText().isEmpty()) {
            return "Give your current password.";
        }
        if (password.getText().length() < MIN_PASSWORD) {
            return "The password needs at least " + MIN_PASSWORD + " characters.";
        }
        if (!password.getText().equals(repeat.getText())) {
            return "The two passwords differ.";
        }
        return null;
    }

    @Override
    protected void okPressed() {
        nameValue = name == null ? fixedName : name.getText().trim();
        oldValue = old == null ? null : old.getText().toCharArray();
        passwordValue = password.getText().toCharArray();
        adminValue = admin != null && admin.getSelection();
        super.okPressed();
    }

    String name() {
        return nameValue;
    }

    char[] password() {
        return Arrays.copyOf(passwordValue, passwordValue.length);
    }

    char[] oldPassword() {
        return oldValue;
    }

    boolean admin() {
        return adminValue;
    }
}
