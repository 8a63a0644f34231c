package org.syncline.sharing.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;
import org.syncline.sharing.ChatLine;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.JoinedRoom;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.RoomSummary;
import org.syncline.sharing.SharingMessages;

/**
 * Window sharing over a {@link Connection}: rooms on the relay, for the host (create, frames, the control token,
 * kick, close) and for viewers (list, join, frames, control requests, input, chat). Every call is checked on the
 * relay; listeners receive the relay's pushes and return a handle that stops them.
 */
public final class SharingClient {
    private final Connection connection;
    private final Map<String, ControlToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, FramePublisher> publishers = new ConcurrentHashMap<>();

    public SharingClient(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    // --- rooms, for everyone

    public List<RoomSummary> listRooms() {
        return connection.request(SharingMessages.LIST, Json.object()).list("rooms", RoomSummary.class);
    }

    public RoomDetails roomInfo(String room) {
        return Json.read(connection.request(SharingMessages.INFO, Json.object("room", room)), RoomDetails.class);
    }

    /** Calls {@code listener} with the whole room list whenever a room opens, closes or changes. */
    public AutoCloseable watchRooms(Consumer<List<RoomSummary>> listener) {
        AutoCloseable handle = on(SharingMessages.ROOMS_CHANGED, body -> listener.accept(body.list("rooms", RoomSummary.class)));
        connection.subscribe(SharingMessages.ROOMS);
        return handle;
    }

    // --- host

    /**
     * Opens a room hosted by this connection's session; it closes when this session ends. {@code password} may be
     * null (an open room) and {@code max} null (the relay's limit).
     */
    public RoomDetails createRoom(String title, char[] password, Integer max) {
        Map<String, Object> body = Json.object("title", title);
        if (password != null) {
            body.put("password", new String(password));
        }
        if (max != null) {
            body.put("max", (long) max);
        }
        RoomDetails room = Json.read(connection.request(SharingMessages.CREATE, body), RoomDetails.class);
        ControlToken token = new ControlToken(room.host());
        tokens.put(room.id(), token);
        AutoCloseable follow = on(SharingMessages.ROOM_CHANGED, b -> {
            RoomDetails d = Json.read(b, RoomDetails.class);
            if (d.id().equals(room.id())) {
                token.update(d);
            }
        });
        AutoCloseable[] end = new AutoCloseable[1];
        end[0] = on(SharingMessages.ROOM_CLOSED, b -> {
            if (b.string("room").equals(room.id())) {
                token.close();
                FramePublisher p = publishers.remove(room.id());
                if (p != null) {
                    p.close();
                }
                quietly(follow);
                quietly(end[0]);
            }
        });
        return room;
    }

    /** The token of a room this client hosts, as the host sees it: ask it before injecting any input. */
    public ControlToken controlToken(String room) {
        ControlToken token = tokens.get(room);
        if (token == null) {
            throw new IllegalArgumentException("this client does not host room " + room);
        }
        return token;
    }

    /** Sends one update of the shared window; waits only for the relay to take the previous ones. */
    public void sendFrame(String room, FrameUpdate update) {
        controlToken(room);
        publishers.computeIfAbsent(room, r -> new FramePublisher(connection, r)).send(update);
    }

    /** {@code listener(room, user)}: a viewer asks for control. */
    public AutoCloseable onControlRequest(BiConsumer<String, String> listener) {
        return on(SharingMessages.CONTROL_ASKED, b -> listener.accept(b.string("room"), b.string("user")));
    }

    /**
     * {@code listener(user, event)}: input of a room this client hosts, delivered only when this side's
     * {@link ControlToken} agrees that {@code user} holds the token, whatever the relay decided.
     */
    public AutoCloseable onInput(String room, BiConsumer<String, InputEvent> listener) {
        ControlToken token = controlToken(room);
        return on(SharingMessages.INPUT_EVENT, b -> {
            String user = b.string("user");
            if (b.string("room").equals(room) && token.allows(user)) {
                listener.accept(user, Json.read(b.object("event"), InputEvent.class));
            }
        });
    }

    public void grant(String room, String user) {
        connection.request(SharingMessages.CONTROL_GRANT, Json.object("room", room, "user", user));
    }

    public void refuse(String room, String user) {
        connection.request(SharingMessages.CONTROL_REFUSE, Json.object("room", room, "user", user));
    }

    public void revoke(String room) {
        connection.request(SharingMessages.CONTROL_REVOKE, Json.object("room", room));
    }

    public void allowPassing(String room, boolean allowed) {
        connection.request(SharingMessages.CONTROL_PASSING, Json.object("room", room, "allowed", allowed));
    }

    public RoomDetails kick(String room, String user) {
        return Json.read(connection.request(SharingMessages.KICK, Json.object("room", room, "user", user)), RoomDetails.class);
    }

    /** Closes a room (its host, or an admin for any room). */
    public void closeRoom(String room) {
        connection.request(SharingMessages.CLOSE, Json.object("room", room));
    }

    // --- viewer

    public JoinedRoom join(String room, char[] password) {
        Map<String, Object> body = Json.object("room", room);
        if (password != null) {
            body.put("password", new String(password));
        }
        JsonObject answer = connection.request(SharingMessages.JOIN, body);
        return new JoinedRoom(Json.read(answer.object("room"), RoomDetails.class), answer.list("chat", ChatLine.class));
    }

    public void leave(String room) {
        connection.request(SharingMessages.LEAVE, Json.object("room", room));
    }

    /** Starts receiving the room's frames; the first one is a keyframe of the whole window. */
    public FrameWatch watch(String room, Consumer<FrameUpdate> listener) {
        return new FrameWatch(connection, room, listener);
    }

    public void requestControl(String room) {
        connection.request(SharingMessages.CONTROL_REQUEST, Json.object("room", room));
    }

    /** Hands the token to another participant: the holder only, and only if the host allows passing. */
    public void pass(String room, String user) {
        connection.request(SharingMessages.CONTROL_PASS, Json.object("room", room, "user", user));
    }

    /** Sends input to the host; the relay refuses it unless this user holds the token now. */
    public void sendInput(String room, InputEvent event) {
        connection.request(SharingMessages.INPUT, Json.object("room", room, "event", Json.tree(event)));
    }

    /** {@code listener(room)}: the host said no to this client's control request. */
    public AutoCloseable onControlRefused(Consumer<String> listener) {
        return on(SharingMessages.CONTROL_REFUSED, b -> listener.accept(b.string("room")));
    }

    // --- both

    public ChatLine chat(String room, String text) {
        return Json.read(connection.request(SharingMessages.CHAT, Json.object("room", room, "text", text)), ChatLine.class);
    }

    public List<ChatLine> chatHistory(String room) {
        return connection.request(SharingMessages.CHAT_HISTORY, Json.object("room", room)).list("chat", ChatLine.class);
    }

    public AutoCloseable onChat(Consumer<ChatLine> listener) {
        return on(SharingMessages.CHAT_LINE, b -> listener.accept(Json.read(b, ChatLine.class)));
    }

    /** Members, token holder or passing changed in a room this client hosts or joined. */
    public AutoCloseable onRoomChanged(Consumer<RoomDetails> listener) {
        return on(SharingMessages.ROOM_CHANGED, b -> listener.accept(Json.read(b, RoomDetails.class)));
    }

    /** {@code listener(room, reason)}: a room this client hosts or joined is closed. */
    public AutoCloseable onRoomClosed(BiConsumer<String, String> listener) {
        return on(SharingMessages.ROOM_CLOSED, b -> listener.accept(b.string("room"), b.string("reason")));
    }

    /** {@code listener(room, reason)}: the host removed this client from a room. */
    public AutoCloseable onKicked(BiConsumer<String, String> listener) {
        return on(SharingMessages.KICKED, b -> listener.accept(b.string("room"), b.string("reason")));
    }

    private static void quietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception e) {
            // removing a push listener cannot fail
        }
    }

    private AutoCloseable on(String type, Consumer<JsonObject> listener) {
        connection.onPush(type, listener);
        return () -> connection.removePushListener(type, listener);
    }
}
