package org.syncline.sync.internal.ui;

import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.sync.FolderMember;
import org.syncline.protocol.ShareNames;
import org.syncline.ui.FormDialog;
import org.syncline.ui.NameSuggestions;

/** Asks whom to share a folder with (a user or a group) and for which right: read, write (rw) or manage. */
final class MemberDialog extends FormDialog {
    private static final String[] RIGHTS = { "read", "write", "manage" };
    private Combo kindCombo;
    private Text subjectText;
    private Combo rightCombo;
    private String kind;
    private String subject;
    private String right;

    /** A member whose right is changed; null when a new member is added. */
    private final FolderMember changing;
    /** The names the server suggests for a prefix (off the UI thread); null for none. */
    private final Function<String, ShareNames> suggestions;
    /** The kind chosen, read by the suggestions' thread. */
    private volatile String kindChosen = FolderMember.USER;

    /** Adds a member; the Name field suggests the users or groups {@code suggestions} names for what is typed. */
    MemberDialog(Shell shell, String folder, Function<String, ShareNames> suggestions) {
        this(shell, folder, null, suggestions);
    }

    /** Changes the right of {@code member} (its kind and name stay as they are). */
    MemberDialog(Shell shell, String folder, FolderMember member) {
        this(shell, folder, member, null);
    }

    private MemberDialog(Shell shell, String folder, FolderMember member, Function<String, ShareNames> suggestions) {
        super(shell, member == null ? "Add Member" : "Change Right", member == null ? "Share " + folder : "Change " + member.subject() + "'s right on " + folder,
                "read: sync and see history; write (rw): also change files; manage: also share and remove the folder.", SWT.DEFAULT);
        this.changing = member;
        this.suggestions = suggestions;
    }

    @Override
    protected void createForm(Composite c) {
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
        if (changing != null) {
            kindCombo.select(Math.max(0, kindCombo.indexOf(changing.kind())));
            kindCombo.setEnabled(false);
            subjectText.setText(changing.subject());
            subjectText.setEditable(false);
            rightCombo.select(Math.max(0, java.util.Arrays.asList(RIGHTS).indexOf(changing.right())));
            rightCombo.setFocus();
        } else {
            subjectText.setFocus(); // most members are users: the name is what is typed first
        }
        subjectText.addListener(SWT.Modify, e -> validate());
        if (changing == null && suggestions != null) {
            kindCombo.addListener(SWT.Selection, e -> kindChosen = kindCombo.getText());
            NameSuggestions.attach(subjectText, prefix -> {
                ShareNames n = suggestions.apply(prefix);
                return FolderMember.GROUP.equals(kindChosen) ? n.groups() : n.users();
            });
        }
    }

    /** OK waits for a name; the message on rights stays, as it says all there is to know. */
    @Override
    protected String instruction() {
        return subjectText.getText().isBlank() ? message() : null;
    }

    @Override
    protected String okLabel() {
        return changing == null ? "&Share" : "&Change";
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
