package org.syncline.admin.client;

import java.util.List;
import java.util.function.Consumer;

import org.syncline.admin.AdminMessages;
import org.syncline.admin.ServerAdministration;
import org.syncline.admin.ServerStatus;
import org.syncline.admin.UserInfo;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;

/** {@link ServerAdministration} over a {@link Connection}. */
public final class AdminClient implements ServerAdministration {
    private final Connection connection;

    public AdminClient(Connection connection) {
        this.connection = connection;
    }

    @Override
    public ServerStatus status() {
        return ServerStatus.fromJson(connection.request(AdminMessages.STATUS, Json.object()));
    }

    /** Calls {@code listener} with every status the server pushes (on login/logout of any session). */
    public void watchStatus(Consumer<ServerStatus> listener) {
        connection.onPush(AdminMessages.STATUS_PUSH, body -> listener.accept(ServerStatus.fromJson(body)));
        connection.subscribe(AdminMessages.STATUS_TOPIC);
    }

    @Override
    public List<UserInfo> users() {
        JsonObject r = connection.request(AdminMessages.USER_LIST, Json.object());
        return r.list("users").stream().map(o -> UserInfo.fromJson(asObject(o))).toList();
    }

    @Override
    public UserInfo addUser(String name, char[] password, boolean admin) {
        return UserInfo.fromJson(connection.request(AdminMessages.USER_ADD,
                Json.object("name", name, "password", new String(password), "admin", admin)));
    }

    @Override
    public void setPassword(String name, char[] password) {
        connection.request(AdminMessages.USER_PASSWD, Json.object("name", name, "password", new String(password)));
    }

    @Override
    public void removeUser(String name) {
        connection.request(AdminMessages.USER_REMOVE, Json.object("name", name));
    }

    @SuppressWarnings("unchecked")
    private static JsonObject asObject(Object o) {
        return new JsonObject((java.util.Map<String, Object>) o);
    }
}
