package org.syncline.admin;

/** The message catalogue of server administration: request types, the status topic and its push. */
public final class AdminMessages {
    public static final String STATUS = "server.status";
    public static final String STATUS_TOPIC = "server.status";
    public static final String STATUS_PUSH = "server.status";
    public static final String USER_LIST = "user.list";
    public static final String USER_ADD = "user.add";
    public static final String USER_PASSWD = "user.passwd";
    public static final String USER_REMOVE = "user.rm";

    private AdminMessages() {
    }
}
