package org.syncline.documents;

/** What the server pushes on {@link DocumentsMessages#TOPIC}: a document that was added, changed or deleted. */
public record DocumentEvent(Kind kind, DocumentInfo document) {
    public enum Kind { ADDED, CHANGED, DELETED }
}
