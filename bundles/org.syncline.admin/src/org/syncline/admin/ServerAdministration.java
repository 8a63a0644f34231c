package org.syncline.admin;

import java.util.List;

/**
 * Server status and user administration, as the CLI and the workbench use it. Every call is checked on
 * the server: user operations need the admin role, except changing one's own password.
 */
public interface ServerAdministration {
    ServerStatus status();

    List<UserInfo> users();

    UserInfo addUser(String name, char[] password, boolean admin);

    void setPassword(String name, char[] password);

    void removeUser(String name);
}
