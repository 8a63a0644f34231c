package org.syncline.admin.internal.server;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.syncline.admin.AdminMessages;
import org.syncline.admin.ServerStatus;
import org.syncline.admin.UserInfo;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Access;
import org.syncline.protocol.Endpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.store.Role;
import org.syncline.store.User;
import org.syncline.store.UserDirectory;

/** The server side of administration: handlers on the endpoint, backed by the user directory. */
public final class AdminService {
    private final Endpoint endpoint;
    private final UserDirectory users;
    private final Supplier<ServerStatus> status;

    public AdminService(Endpoint endpoint, UserDirectory users, Supplier<ServerStatus> status) {
        this.endpoint = endpoint;
        this.users = users;
        this.status = status;
    }

    public void register() {
        endpoint.handle(AdminMessages.STATUS, Access.USER, (ctx, body) -> status.get().toJson());
        endpoint.topic(AdminMessages.STATUS_TOPIC, Access.USER);
        endpoint.handle(AdminMessages.USER_LIST, Access.ADMIN, (ctx, body) -> Json.object("users",
                users.list().stream().map(u -> info(u).toJson()).toList()));
        endpoint.handle(AdminMessages.USER_ADD, Access.ADMIN, this::addUser);
        endpoint.handle(AdminMessages.USER_PASSWD, Access.USER, this::setPassword);
        endpoint.handle(AdminMessages.USER_REMOVE, Access.ADMIN, this::removeUser);
        endpoint.onSessionsChanged(this::publishStatus);
    }

    /** Pushes the current status to every subscribed session. */
    public void publishStatus() {
        endpoint.publish(AdminMessages.STATUS_TOPIC, AdminMessages.STATUS_PUSH, status.get().toJson());
    }

    private Map<String, Object> addUser(RequestContext ctx, JsonObject body) {
        Set<Role> roles = body.optBool("admin", false) ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER);
        User u = users.create(body.string("name"), body.string("password").toCharArray(), roles);
        return info(u).toJson();
    }

    private Map<String, Object> setPassword(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        if (!ctx.principal().isAdmin() && !ctx.principal().name().equals(name)) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only an admin can change the password of another user ('"
                    + org.syncline.core.Names.printable(name) + "').");
        }
        users.setPassword(name, body.string("password").toCharArray());
        return Json.object("name", name);
    }

    private Map<String, Object> removeUser(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        if (ctx.principal().name().equals(name)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "You cannot remove the user you are logged in as ('" + name + "').");
        }
        users.remove(name);
        return Json.object("name", name);
    }

    private static UserInfo info(User u) {
        return new UserInfo(u.name(), u.isAdmin(), u.created());
    }
}
