package org.syncline.documents.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.syncline.documents.DocumentInfo;
import org.syncline.ui.Formats;
import org.syncline.ui.ReadOnlyProperties;

/** A document's metadata as the Properties view shows it. */
final class DocumentProperties {
    private DocumentProperties() {
    }

    static ReadOnlyProperties of(DocumentInfo doc) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Name", doc.name());
        values.put("Id", doc.id());
        values.put("Author", doc.author());
        values.put("Type", doc.mimeType());
        values.put("Size", Formats.size(doc.size()));
        values.put("Size in bytes", Long.toString(doc.size()));
        values.put("SHA-256", doc.sha256());
        values.put("Node", doc.node());
        values.put("State", DocumentInfo.MISSING.equals(doc.state()) ? "missing: the node no longer has its bytes" : doc.state());
        values.put("Version", Integer.toString(doc.version()));
        values.put("Created", Formats.time(doc.created()));
        values.put("Modified", Formats.time(doc.modified()));
        values.put("Owner", doc.owner());
        values.put("Description", doc.description());
        values.put("Tags", doc.tags().isEmpty() ? "(none)" : String.join(", ", doc.tags()));
        values.put("Shared with", doc.shares().isEmpty() ? "(nobody)"
                : doc.shares().stream().map(s -> s.kind() + " " + s.subject() + " (" + s.right() + ")").collect(Collectors.joining(", ")));
        return new ReadOnlyProperties("Document", values);
    }
}
