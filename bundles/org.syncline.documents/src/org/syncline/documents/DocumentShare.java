package org.syncline.documents;

/** One entry of a document's access list besides its owner: a user or a group, and "read" or "write". */
public record DocumentShare(String kind, String subject, String right) {
    public static final String USER = "user";
    public static final String GROUP = "group";
}
