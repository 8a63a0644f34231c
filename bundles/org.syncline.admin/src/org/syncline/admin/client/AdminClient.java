package org.syncline.admin.client;

import java.util.List;
import java.util.Map;

import org.syncline.admin.AdminMessages;
import org.syncline.admin.GroupInfo;
import org.syncline.admin.UserAdministration;
import org.syncline.admin.UserInfo;
import org.syncline.core.json.Json;
import org.syncline.protocol.Connection;

/** {@link UserAdministration} over a {@link Connection}. */
public final class AdminClient implements UserAdministration {
    private final Connection connection;

    public AdminClient(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code listener} whenever users or groups change on the server (admins only may subscribe), until
     * the returned handle is closed; several listeners can share one client.
     */
    public AutoCloseable watchUsers(Runnable listener) {
        java.util.function.Consumer<org.syncline.core.json.JsonObject> push = body -> listener.run();
        connection.onPush(AdminMessages.USERS_CHANGED, push);
        try {
            connection.subscribe(AdminMessages.USERS_TOPIC);
        } catch (RuntimeException e) {
            connection.removePushListener(AdminMessages.USERS_CHANGED, push); // refused (not an admin): nothing to follow
            throw e;
        }
        return () -> connection.removePushListener(AdminMessages.USERS_CHANGED, push);
    }

    @Override
    public List<UserInfo> users() {
        return connection.request(AdminMessages.USER_LIST, Json.object()).list("users", UserInfo.class);
    }

    @Override
    public UserInfo addUser(String name, char[] password, boolean admin) {
        return Json.read(connection.request(AdminMessages.USER_ADD,
                Json.object("name", name, "password", new String(password), "admin", admin)), UserInfo.class);
    }

    @Override
    public void setPassword(String name, char[] password, char[] oldPassword) {
        Map<String, Object> body = Json.object("name", name, "password", new String(password));
        if (oldPassword != null) {
            body.put("oldPassword", new String(oldPassword));
        }
        connection.request(AdminMessages.USER_PASSWD, body);
    }

    @Override
    public void removeUser(String name) {
        connection.request(AdminMessages.USER_REMOVE, Json.object("name", name));
    }

    @Override
    public UserInfo setAdmin(String name, boolean admin) {
        return Json.read(connection.request(AdminMessages.USER_SET_ADMIN, Json.object("name", name, "admin", admin)), UserInfo.class);
    }

    @Override
    public UserInfo setDisabled(String name, boolean disabled) {
        return Json.read(connection.request(AdminMessages.USER_DISABLE, Json.object("name", name, "disabled", disabled)), UserInfo.class);
    }

    @Override
    public List<GroupInfo> groups() {
        return connection.request(AdminMessages.GROUP_LIST, Json.object()).list("groups", GroupInfo.class);
    }

    @Override
    public GroupInfo addGroup(String name) {
        return Json.read(connection.request(AdminMessages.GROUP_ADD, Json.object("name", name)), GroupInfo.class);
    }

    @Override
    public void removeGroup(String name) {
        connection.request(AdminMessages.GROUP_REMOVE, Json.object("name", name));
    }

    @Override
    public GroupInfo addMember(String group, String user) {
        return Json.read(connection.request(AdminMessages.GROUP_JOIN, Json.object("group", group, "user", user)), GroupInfo.class);
    }

    @Override
    public GroupInfo removeMember(String group, String user) {
        return Json.read(connection.request(AdminMessages.GROUP_LEAVE, Json.object("group", group, "user", user)), GroupInfo.class);
    }
}
