package org.syncline.documents.internal.ui;

import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentShare;
import org.syncline.protocol.ShareNames;
import org.syncline.ui.FormDialog;
import org.syncline.ui.NameSuggestions;

/** Asks whom to share a document with (a user or a group) and with which right (read or write). */
final class ShareDialog extends FormDialog {
    private Combo kind;
    private Text subject;
    private Combo right;
    private String kindValue;
    private String subjectValue;
    private String rightValue;

    /** The names the server suggests for a prefix (off the UI thread). */
    private final Function<String, ShareNames> suggestions;
    /** The kind chosen, read by the suggestions' thread. */
    private volatile boolean groupChosen;

    ShareDialog(Shell shell, DocumentInfo doc, Function<String, ShareNames> suggestions) {
        super(shell, "Share Document", "Share " + doc.name(), "Read lets them find and download it; write also lets them update and rename it.",
                SWT.DEFAULT);
        this.suggestions = suggestions;
    }

    @Override
    protected void createForm(Composite form) {
        new Label(form, SWT.NONE).setText("&With:");
        kind = new Combo(form, SWT.READ_ONLY);
        kind.setItems("user", "group");
        kind.select(0);
        new Label(form, SWT.NONE).setText("&Name:");
        subject = new Text(form, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(240, SWT.DEFAULT).applyTo(subject);
        subject.addModifyListener(e -> validate());
        new Label(form, SWT.NONE).setText("&Right:");
        right = new Combo(form, SWT.READ_ONLY);
        right.setItems("read", "write");
        right.select(0);
        kind.addListener(SWT.Selection, e -> groupChosen = kind.getSelectionIndex() == 1);
        NameSuggestions.attach(subject, prefix -> {
            ShareNames n = suggestions.apply(prefix);
            return groupChosen ? n.groups() : n.users();
        });
        subject.setFocus(); // most shares are with a user: the name is what is typed first
    }

    /** OK waits for a name; the message on rights stays, as it says all there is to know. */
    @Override
    protected String instruction() {
        return subject.getText().isBlank() ? message() : null;
    }

    @Override
    protected void okPressed() {
        kindValue = kind.getSelectionIndex() == 0 ? DocumentShare.USER : DocumentShare.GROUP;
        subjectValue = subject.getText().trim();
        rightValue = right.getItem(right.getSelectionIndex());
        super.okPressed();
    }

    String kind() {
        return kindValue;
    }

    String subject() {
        return subjectValue;
    }

    String right() {
        return rightValue;
    }
}
