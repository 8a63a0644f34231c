package org.syncline.admin.internal.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.admin.GroupInfo;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.ui.FormDialog;

/**
 * Asks for the name of a new group and makes it: OK sends it to the server and the dialog closes only once the
 * server has made the group; a refusal (the name is taken) shows the server's sentence here, with the name kept to
 * correct. Names are checked as they are typed by the rule the server applies.
 */
final class GroupDialog extends FormDialog {
    static final String TITLE = "New Group";
    private static final String HINT = "Rights on folders, documents and rooms can then be granted to the group.";
    private final LiveGroups on;
    private Text name;
    private boolean touched;
    private GroupInfo made;

    GroupDialog(Shell shell, LiveGroups on) {
        super(shell, TITLE, "Add a group to " + on.server().label(), HINT, 480);
        this.on = on;
    }

    @Override
    protected void createForm(Composite form) {
        new Label(form, SWT.NONE).setText("&Name:");
        name = new Text(form, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(name);
        name.addModifyListener(e -> {
            touched = true;
            validate();
        });
    }

    // nothing typed yet is not an error: say what to do, in red only once the user has typed

    @Override
    protected String problem() {
        return touched ? nameProblem(name.getText().trim()) : null;
    }

    @Override
    protected String instruction() {
        return touched ? null : nameProblem(name.getText().trim());
    }

    /** Why the server would refuse {@code group} as a name, in its words; null when it is a valid name. */
    static String nameProblem(String group) {
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
        name.setEnabled(false);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        setErrorMessage(null); // a refusal of an earlier try
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
