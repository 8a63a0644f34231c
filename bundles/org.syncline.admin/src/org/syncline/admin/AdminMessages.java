package org.syncline.admin;

/**
 * The message catalogue of administration: users and groups. Every name is {@code admin.<verb>}. Listing
 * and changing users and groups needs the admin role, except changing one's own password.
 */
public final class AdminMessages {
    public static final String CAPABILITY = "admin";
    public static final String USER_LIST = "admin.user.list";
    public static final String USER_ADD = "admin.user.add";
    /** Body: name, password, and oldPassword when the user changes their own. */
    public static final String USER_PASSWD = "admin.user.passwd";
    public static final String USER_REMOVE = "admin.user.rm";
    /** Body: name, admin (true to promote, false to demote). */
    public static final String USER_SET_ADMIN = "admin.user.setadmin";
    /** Body: name, disabled (true to disable, false to enable). A disabled user's sessions close. */
    public static final String USER_DISABLE = "admin.user.disable";
    public static final String GROUP_LIST = "admin.group.list";
    public static final String GROUP_ADD = "admin.group.add";
    public static final String GROUP_REMOVE = "admin.group.rm";
    /** Body: group, user. */
    public static final String GROUP_JOIN = "admin.group.join";
    public static final String GROUP_LEAVE = "admin.group.leave";
    /** Admins subscribe; a push names no details, it says "read the lists again". */
    public static final String USERS_TOPIC = "admin.users";
    public static final String USERS_CHANGED = "admin.users.changed";

    private AdminMessages() {
    }
}
