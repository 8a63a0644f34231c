package org.syncline.documents.internal.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.documents.DocumentInfo;
import org.syncline.ui.FormDialog;

/** Edits a document's name, author, description and tags; only the fields the user changed are sent. */
final class MetadataDialog extends FormDialog {
    private final DocumentInfo doc;
    private Text name;
    private Text author;
    private Text description;
    private Text tags;
    private Map<String, Object> changes = Map.of();

    MetadataDialog(Shell shell, DocumentInfo doc) {
        super(shell, "Edit Metadata", "Metadata of " + doc.name(), "Changes no bytes; the server checks that you may write to the document.", SWT.DEFAULT);
        this.doc = doc;
    }

    @Override
    protected void createForm(Composite form) {
        name = field(form, "&Name:", doc.name(), SWT.BORDER);
        author = field(form, "&Author:", doc.author(), SWT.BORDER);
        description = field(form, "&Description:", doc.description(), SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(320, 60).applyTo(description);
        // Tab and Shift+Tab go to the next and previous fields, as in the one-line ones: a multi-line text would
        // type a tab character, which a description does not need, and the keyboard user was stuck in the field
        description.addTraverseListener(e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;
            }
        });
        tags = field(form, "&Tags:", String.join(", ", doc.tags()), SWT.BORDER);
        tags.setMessage("comma-separated");
    }

    private Text field(Composite form, String label, String value, int style) {
        Label l = new Label(form, SWT.NONE);
        l.setText(label);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        Text t = new Text(form, style);
        t.setText(value == null ? "" : value);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(t);
        t.addModifyListener(e -> validate());
        return t;
    }

    @Override
    protected String problem() {
        try {
            Names.requireFileName(name.getText().trim(), "document");
            return null;
        } catch (SynclineException e) {
            return e.getMessage();
        }
    }

    @Override
    protected void okPressed() {
        Map<String, Object> c = new LinkedHashMap<>();
        if (!name.getText().trim().equals(doc.name())) {
            c.put("name", name.getText().trim());
        }
        if (!author.getText().trim().equals(doc.author())) {
            c.put("author", author.getText().trim());
        }
        if (!description.getText().equals(doc.description())) {
            c.put("description", description.getText());
        }
        List<String> t = Arrays.stream(tags.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!t.equals(doc.tags())) {
            c.put("tags", t);
        }
        changes = c;
        super.okPressed();
    }

    /** What changed, as {@code DocumentsClient.edit} takes it; empty when nothing did. */
    Map<String, Object> changes() {
        return changes;
    }
}
