package org.syncline.admin.internal.server;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.syncline.admin.AdminMessages;
import org.syncline.admin.UserInfo;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.store.Role;
import org.syncline.store.User;
import org.syncline.store.UserDirectory;

/**
 * The user messages. A change that takes something away from a user (removal, demotion, a new password)
 * closes that user's sessions at once, so nobody keeps rights they no longer have.
 */
final class UserHandlers {
    private final CapabilityEndpoint endpoint;
    private final UserDirectory users;

    UserHandlers(CapabilityEndpoint endpoint, UserDirectory users) {
        this.endpoint = endpoint;
        this.users = users;
    }

    void register() {
        endpoint.topic(AdminMessages.USERS_TOPIC, Access.ADMIN);
        endpoint.handle(AdminMessages.USER_LIST, Access.ADMIN, (ctx, body) -> Json.object("users",
                users.list().stream().map(u -> info(users, u)).toList()));
        endpoint.handle(AdminMessages.USER_ADD, Access.ADMIN, this::add);
        endpoint.handle(AdminMessages.USER_PASSWD, Access.USER, this::setPassword);
        endpoint.handle(AdminMessages.USER_SET_ADMIN, Access.ADMIN, this::setAdmin);
        endpoint.handle(AdminMessages.USER_REMOVE, Access.ADMIN, this::remove);
        endpoint.handle(AdminMessages.USER_DISABLE, Access.ADMIN, this::setDisabled);
    }

    private Map<String, Object> add(RequestContext ctx, JsonObject body) {
        Set<Role> roles = body.optBool("admin", false) ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER);
        User u = users.create(body.string("name"), body.string("password").toCharArray(), roles);
        changed();
        return Json.tree(info(users, u));
    }

    private Map<String, Object> setPassword(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        boolean own = ctx.principal().name().equals(name);
        if (!own && !ctx.principal().isAdmin()) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only an admin can change the password of another user ('"
                    + Names.printable(name) + "').");
        }
        if (own) {
            // a session left open is not proof of knowing the password, as with passwd(1)
            String old = body.optString("oldPassword", null);
            if (old == null || users.authenticate(name, old.toCharArray()).isEmpty()) {
                throw new SynclineException(ErrorCode.AUTH_FAILED, "The current password is wrong; give it to change your own password.");
            }
        }
        users.setPassword(name, body.string("password").toCharArray());
        endpoint.closeSessionsOf(name, own ? ctx.sessionId() : 0, "The password of '" + name + "' was changed.");
        return Json.object("name", name);
    }

    private Map<String, Object> setAdmin(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        boolean admin = body.optBool("admin", false);
        if (!admin && ctx.principal().name().equals(name)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "You cannot demote the user you are logged in as ('"
                    + Names.printable(name) + "'); ask another admin.");
        }
        users.setRoles(name, admin ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER));
        if (!admin) {
            endpoint.closeSessionsOf(name, 0, "'" + name + "' is no longer an admin.");
        }
        changed();
        return Json.tree(info(users, users.find(name).orElseThrow()));
    }

    private Map<String, Object> setDisabled(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        if (!body.has("disabled")) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "'" + AdminMessages.USER_DISABLE + "' needs 'disabled': true or false.");
        }
        boolean disabled = body.optBool("disabled", false);
        if (disabled && ctx.principal().name().equals(name)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "You cannot disable the user you are logged in as ('"
                    + Names.printable(name) + "'); ask another admin.");
        }
        users.setDisabled(name, disabled);
        if (disabled) {
            endpoint.closeSessionsOf(name, 0, "The user '" + name + "' was disabled.");
        }
        changed();
        return Json.tree(info(users, users.find(name).orElseThrow()));
    }

    private Map<String, Object> remove(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        if (ctx.principal().name().equals(name)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "You cannot remove the user you are logged in as ('"
                    + Names.printable(name) + "').");
        }
        users.remove(name);
        endpoint.closeSessionsOf(name, 0, "The user '" + name + "' was removed.");
        changed();
        return Json.object("name", name);
    }

    private void changed() {
        endpoint.publish(AdminMessages.USERS_TOPIC, AdminMessages.USERS_CHANGED, Json.object());
    }

    static UserInfo info(UserDirectory users, User u) {
        return new UserInfo(u.name(), u.isAdmin(), u.created(), users.groupsOf(u.name()), u.disabled());
    }
}
