package org.syncline.admin.client;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.syncline.admin.AdminMessages;
import org.syncline.admin.GroupInfo;
import org.syncline.admin.UserAdministration;
import org.syncline.admin.UserInfo;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;

/** {@link UserAdministration} over a {@link Connection}. */
public final class AdminClient implements UserAdministration {
    private final Connection connection;

    public AdminClient(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code listener} whenever users or groups change on the server (admins only may subscribe). */
    public void watchUsers(Runnable listener) {
        connection.onPush(AdminMessages.USERS_CHANGED, body -> listener.run());
        connection.subscribe(AdminMessages.USERS_TOPIC);
    }

    @Override
    public List<UserInfo> users() {
        return list(connection.request(AdminMessages.USER_LIST, Json.object()), "users", UserInfo::fromJson);
    }

    @Override
    public UserInfo addUser(String name, char[] password, boolean admin) {
        return UserInfo.fromJson(connection.request(AdminMessages.USER_ADD,
                Json.object("name", name, "password", new String(password), "admin", admin)));
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
        return UserInfo.fromJson(connection.request(AdminMessages.USER_SET_ADMIN, Json.object("name", name, "admin", admin)));
    }

    @Override
    public List<GroupInfo> groups() {
        return list(connection.request(AdminMessages.GROUP_LIST, Json.object()), "groups", GroupInfo::fromJson);
    }

    @Override
    public GroupInfo addGroup(String name) {
        return GroupInfo.fromJson(connection.request(AdminMessages.GROUP_ADD, Json.object("name", name)));
    }

    @Override
    public void removeGroup(String name) {
        connection.request(AdminMessages.GROUP_REMOVE, Json.object("name", name));
    }

    @Override
    public GroupInfo addMember(String group, String user) {
        return GroupInfo.fromJson(connection.request(AdminMessages.GROUP_JOIN, Json.object("group", group, "user", user)));
    }

    @Override
    public GroupInfo removeMember(String group, String user) {
        return GroupInfo.fromJson(connection.request(AdminMessages.GROUP_LEAVE, Json.object("group", group, "user", user)));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(JsonObject response, String key, Function<JsonObject, T> read) {
        return response.list(key).stream().map(o -> read.apply(new JsonObject((Map<String, Object>) o))).toList();
    }
}
