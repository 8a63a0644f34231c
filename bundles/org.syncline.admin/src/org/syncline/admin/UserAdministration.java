package org.syncline.admin;

import java.util.List;

/**
 * Users and groups as the CLI and the workbench manage them. Every call is checked on the server: all
 * need the admin role except changing one's own password, which needs the current one.
 */
public interface UserAdministration {
    List<UserInfo> users();

    UserInfo addUser(String name, char[] password, boolean admin);

    /** Another user's password (admins), or your own with {@code oldPassword}; their other sessions close. */
    void setPassword(String name, char[] password, char[] oldPassword);

    /** Removes the user and closes their sessions. */
    void removeUser(String name);

    /** Promotes or demotes; a demoted user's sessions close, so the admin role is gone at once. */
    UserInfo setAdmin(String name, boolean admin);

    /** Disables or enables a user (admins; not yourself); a disabled user's sessions close and their logins are refused. */
    UserInfo setDisabled(String name, boolean disabled);

    List<GroupInfo> groups();

    GroupInfo addGroup(String name);

    void removeGroup(String name);

    GroupInfo addMember(String group, String user);

    GroupInfo removeMember(String group, String user);
}
