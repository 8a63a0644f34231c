package org.syncline.documents.internal.ui;

import java.util.stream.Collectors;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.syncline.documents.DocumentInfo;

/** A document's metadata, read-only: changes go through the browser's commands, which the server checks. */
final class DocumentProperties implements IPropertySource {
    private static final String[][] FIELDS = { { "name", "Name" }, { "id", "Id" }, { "author", "Author" },
            { "type", "Type" }, { "size", "Size" }, { "bytes", "Size in bytes" }, { "sha256", "SHA-256" },
            { "node", "Node" }, { "version", "Version" }, { "created", "Created" }, { "modified", "Modified" },
            { "owner", "Owner" }, { "description", "Description" }, { "tags", "Tags" }, { "shares", "Shared with" } };

    private final DocumentInfo doc;

    DocumentProperties(DocumentInfo doc) {
        this.doc = doc;
    }

    @Override
    public Object getEditableValue() {
        return null;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        IPropertyDescriptor[] all = new IPropertyDescriptor[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            PropertyDescriptor d = new PropertyDescriptor(FIELDS[i][0], FIELDS[i][1]);
            d.setCategory("Document");
            all[i] = d;
        }
        return all;
    }

    @Override
    public Object getPropertyValue(Object id) {
        return switch ((String) id) {
            case "name" -> doc.name();
            case "id" -> doc.id();
            case "author" -> doc.author();
            case "type" -> doc.mimeType();
            case "size" -> DocumentFormat.size(doc.size());
            case "bytes" -> Long.toString(doc.size());
            case "sha256" -> doc.sha256();
            case "node" -> doc.node();
            case "version" -> Integer.toString(doc.version());
            case "created" -> DocumentFormat.time(doc.created());
            case "modified" -> DocumentFormat.time(doc.modified());
            case "owner" -> doc.owner();
            case "description" -> doc.description();
            case "tags" -> doc.tags().isEmpty() ? "(none)" : String.join(", ", doc.tags());
            default -> doc.shares().isEmpty() ? "(nobody)"
                    : doc.shares().stream().map(s -> s.kind() + " " + s.subject() + " (" + s.right() + ")").collect(Collectors.joining(", "));
        };
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // read-only
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        // read-only
    }
}
