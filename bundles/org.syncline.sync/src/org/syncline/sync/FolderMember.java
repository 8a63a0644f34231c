package org.syncline.sync;

/** Who may use a folder: kind is "user" or "group", right "read", "write" or "manage". */
public record FolderMember(String kind, String subject, String right) {
    public static final String USER = "user";
    public static final String GROUP = "group";
}
