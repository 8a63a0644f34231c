package org.syncline.admin.internal.server;

import java.util.Map;

import org.syncline.admin.AdminMessages;
import org.syncline.admin.GroupInfo;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.store.UserDirectory;

/**
 * The group messages, admins only. Sessions carry the groups they had at login, so leaving a group closes
 * that user's sessions: rights granted through the group end at once.
 */
final class GroupHandlers {
    private final CapabilityEndpoint endpoint;
    private final UserDirectory users;

    GroupHandlers(CapabilityEndpoint endpoint, UserDirectory users) {
        this.endpoint = endpoint;
        this.users = users;
    }

    void register() {
        endpoint.handle(AdminMessages.GROUP_LIST, Access.ADMIN, (ctx, body) -> Json.object("groups",
                users.groups().stream().map(this::info).toList()));
        endpoint.handle(AdminMessages.GROUP_ADD, Access.ADMIN, (ctx, body) -> {
            users.createGroup(body.string("name"));
            return changed(body.string("name"));
        });
        endpoint.handle(AdminMessages.GROUP_REMOVE, Access.ADMIN, this::remove);
        endpoint.handle(AdminMessages.GROUP_JOIN, Access.ADMIN, (ctx, body) -> {
            users.addMember(body.string("group"), body.string("user"));
            return changed(body.string("group"));
        });
        endpoint.handle(AdminMessages.GROUP_LEAVE, Access.ADMIN, (ctx, body) -> {
            String user = body.string("user");
            users.removeMember(body.string("group"), user);
            endpoint.closeSessionsOf(user, user.equals(ctx.principal().name()) ? ctx.sessionId() : 0, "'" + user + "' left the group '" + body.string("group") + "'.");
            return changed(body.string("group"));
        });
    }

    private Map<String, Object> remove(RequestContext ctx, JsonObject body) {
        String name = body.string("name");
        var members = users.members(name);
        users.removeGroup(name);
        for (String m : members) {
            endpoint.closeSessionsOf(m, m.equals(ctx.principal().name()) ? ctx.sessionId() : 0,
                    "The group '" + name + "' was removed.");
        }
        endpoint.publish(AdminMessages.USERS_TOPIC, AdminMessages.USERS_CHANGED, Json.object());
        return Json.object("name", name);
    }

    private Map<String, Object> changed(String group) {
        endpoint.publish(AdminMessages.USERS_TOPIC, AdminMessages.USERS_CHANGED, Json.object());
        return Json.tree(info(group));
    }

    private GroupInfo info(String group) {
        return new GroupInfo(group, users.members(group));
    }
}
