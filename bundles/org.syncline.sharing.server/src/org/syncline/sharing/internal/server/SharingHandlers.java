package org.syncline.sharing.internal.server;

import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.SharingMessages;

/** The {@code sharing.*} handlers: each checks on the relay that the sender may do this to this room. */
final class SharingHandlers {
    private final CapabilityEndpoint endpoint;
    private final Relay relay;

    SharingHandlers(CapabilityEndpoint endpoint, Relay relay) {
        this.endpoint = endpoint;
        this.relay = relay;
    }

    void register() {
        endpoint.topic(SharingMessages.ROOMS, Access.USER);
        endpoint.handle(SharingMessages.CREATE, Access.USER, this::create);
        endpoint.handle(SharingMessages.LIST, Access.USER, (ctx, body) -> Json.object("rooms", relay.list()));
        endpoint.handle(SharingMessages.INFO, Access.USER, (ctx, body) -> Json.tree(room(body).details()));
        endpoint.handle(SharingMessages.JOIN, Access.USER, this::join);
        endpoint.handle(SharingMessages.LEAVE, Access.USER, (ctx, body) -> {
            Room room = room(body);
            if (room.host.equals(user(ctx))) {
                relay.close(room, "The host left; the room is closed.");
                return Map.of();
            }
            if (!room.leave(user(ctx))) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "'" + user(ctx) + "' is not in room '" + room.id + "'.");
            }
            relay.listChanged();
            return Map.of();
        });
        endpoint.handle(SharingMessages.KICK, Access.USER, (ctx, body) -> {
            Room room = room(body);
            room.kick(user(ctx), body.string("user"));
            relay.listChanged();
            return Json.tree(room.details());
        });
        endpoint.handle(SharingMessages.CLOSE, Access.USER, (ctx, body) -> {
            relay.close(ctx.principal(), body.string("room"));
            return Map.of();
        });
        endpoint.handle(SharingMessages.CHAT, Access.USER, (ctx, body) -> Json.tree(room(body).chat(user(ctx), body.string("text"))));
        endpoint.handle(SharingMessages.CHAT_HISTORY, Access.USER, (ctx, body) -> Json.object("chat", room(body).historyFor(user(ctx))));
        act(SharingMessages.CONTROL_REQUEST, (room, user, body) -> room.requestControl(user));
        act(SharingMessages.CONTROL_GRANT, (room, user, body) -> room.grant(user, body.string("user")));
        act(SharingMessages.CONTROL_REFUSE, (room, user, body) -> room.refuse(user, body.string("user")));
        act(SharingMessages.CONTROL_REVOKE, (room, user, body) -> room.revoke(user));
        act(SharingMessages.CONTROL_PASS, (room, user, body) -> room.pass(user, body.string("user")));
        act(SharingMessages.CONTROL_PASSING, (room, user, body) -> room.allowPassing(user, body.optBool("allowed", false)));
        act(SharingMessages.WATCH_ACK, (room, user, body) -> room.acked(user, body.number("updates")));
        endpoint.handle(SharingMessages.INPUT, Access.USER, (ctx, body) -> {
            InputEvent event;
            try {
                event = Json.read(body.object("event"), InputEvent.class);
            } catch (IllegalArgumentException e) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Input event refused: " + e.getMessage() + ".");
            }
            room(body).input(user(ctx), event);
            return Map.of();
        });
        endpoint.handleUpload(SharingMessages.PUBLISH, Access.USER, (ctx, body, data) -> {
            Room room = room(body);
            if (!room.isHostSession(ctx)) {
                throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only the host's session that created room '" + room.id
                        + "' may send its frames.");
            }
            return Json.object("frames", FrameStreams.ingest(room, data));
        });
        endpoint.handleDownload(SharingMessages.WATCH, Access.USER, (ctx, body, out) -> {
            Room room = room(body);
            room.requireMember(user(ctx), "watch");
            return Json.object("frames", FrameStreams.feed(room, user(ctx), out));
        });
    }

    /** What a sender does to a room, answered with an empty response. */
    @FunctionalInterface
    private interface RoomAction {
        void apply(Room room, String user, JsonObject body);
    }

    private void act(String type, RoomAction action) {
        endpoint.handle(type, Access.USER, (ctx, body) -> {
            action.apply(room(body), user(ctx), body);
            return Map.of();
        });
    }

    private Map<String, Object> create(RequestContext ctx, JsonObject body) {
        char[] password = body.has("password") ? body.string("password").toCharArray() : null;
        Room room = relay.create(ctx, body.string("title"), password, body.optNumber("max", relay.maxParticipants()));
        return Json.tree(room.details());
    }

    private Map<String, Object> join(RequestContext ctx, JsonObject body) {
        Room room = room(body);
        room.join(ctx, body.has("password") ? body.string("password").toCharArray() : null);
        relay.listChanged();
        return Json.object("room", Json.tree(room.details()), "chat", room.history());
    }

    private Room room(JsonObject body) {
        return relay.room(body.string("room"));
    }

    private static String user(RequestContext ctx) {
        return ctx.principal().name();
    }
}
