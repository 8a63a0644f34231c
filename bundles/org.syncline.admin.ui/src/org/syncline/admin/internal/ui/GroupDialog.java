package org.syncline.admin.internal.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.admin.GroupInfo;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/**
 * Asks for the name of a new group and makes it: OK sends it to the server and the dialog closes only once the
 * server has made the group; a refusal (the name is taken) shows the server's sentence here, with the name kept to
 * correct. Names are checked as they are typed by the rule the server applies.
 */
final class GroupDialog extends TitleAreaDialog {
    static final String TITLE = "New Group";
    private static final int WIDTH = 480;
    private final LiveGroups on;
    private Text name;
    private boolean touched;
    private boolean sending;
    private GroupInfo made;

    GroupDialog(Shell shell, LiveGroups on) {
        super(shell);
        this.on = on;
    }

    /** As wide as the form needs, not as the one-line message would be; the message wraps. */
    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        return getShell().computeSize(WIDTH, SWT.DEFAULT, true);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle("Add a group to " + on.server().label());
        setMessage(hint());
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        new Label(form, SWT.NONE).setText("&Name:");
        name = new Text(form, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(name);
        name.addModifyListener(e -> {
            touched = true;
            validate();
        });
        return area;
    }

    private static String hint() {
        return "Rights on folders, documents and rooms can then be granted to the group.";
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok == null) {
            return;
        }
        String problem = problem(name.getText().trim());
        // nothing typed yet is not an error: say what to do, in red only once the user has typed
        setErrorMessage(touched ? problem : null);
        setMessage(!touched && problem != null ? problem : hint());
        ok.setEnabled(problem == null && !sending);
    }

    /** Why the server would refuse {@code group} as a name, in its words; null when it is a valid name. */
    static String problem(String group) {
        if (group.isEmpty()) {
            return "Give the group a name.";
        }
        try {
            Names.requireUserName(group);
            return null;
        } catch (SynclineException e) {
            // the server checks group names by the user-name rule and says "group name" (UserDirectory)
            return e.getMessage().replace("user name", "group name");
        }
    }

    @Override
    protected void okPressed() {
        String group = name.getText().trim();
        sending = true;
        name.setEnabled(false);
        validate();
        setMessage("Making the group '" + group + "' on " + on.server().label() + "...");
        on.background("Make group " + group, c -> c.addGroup(group), g -> {
            on.changed(g);
            if (getShell() != null && !getShell().isDisposed()) {
                made = g;
                super.okPressed();
            }
        }, why -> {
            if (getShell() == null || getShell().isDisposed()) {
                return; // cancelled meanwhile: nobody is left to tell
            }
            sending = false;
            name.setEnabled(true);
            name.setFocus();
            name.selectAll();
            validate();
            setErrorMessage(why);
        });
    }

    /** The group the server made; after OK. */
    GroupInfo made() {
        return made;
    }
}
