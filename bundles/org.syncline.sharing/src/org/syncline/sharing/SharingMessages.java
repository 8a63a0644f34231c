package org.syncline.sharing;

/**
 * The {@code sharing.*} catalogue: every request, stream, topic and push of window sharing. Rooms live on a relay
 * (role {@code relay}) for as long as their host's session; every state change is pushed to the room's members.
 */
public final class SharingMessages {
    public static final String CAPABILITY = "sharing";
    /** The relay role that serves rooms. */
    public static final String ROLE = "relay";

    /** {title, password?, max?} -> RoomDetails; the sender becomes the host, the room lives as long as this session. */
    public static final String CREATE = "sharing.create";
    /** {} -> {rooms: [RoomSummary]}. */
    public static final String LIST = "sharing.list";
    /** {room} -> RoomDetails. */
    public static final String INFO = "sharing.info";
    /** {room, password?} -> {room: RoomDetails, chat: [ChatLine]}; pushes to this session start now. */
    public static final String JOIN = "sharing.join";
    /** {room} -> {}. */
    public static final String LEAVE = "sharing.leave";
    /** {room, user} -> RoomDetails; the host only. */
    public static final String KICK = "sharing.kick";
    /** {room} -> {}; the host or an admin. */
    public static final String CLOSE = "sharing.close";
    /** {room, text} -> ChatLine; members and the host. */
    public static final String CHAT = "sharing.chat";
    /** {room} -> {chat: [ChatLine]}; members and the host. */
    public static final String CHAT_HISTORY = "sharing.chat.history";
    /** {room}: a viewer asks the host for the control token. */
    public static final String CONTROL_REQUEST = "sharing.control.request";
    /** {room, user}: the host gives the token to a participant. */
    public static final String CONTROL_GRANT = "sharing.control.grant";
    /** {room, user}: the host says no to a request. */
    public static final String CONTROL_REFUSE = "sharing.control.refuse";
    /** {room}: the host takes the token back. */
    public static final String CONTROL_REVOKE = "sharing.control.revoke";
    /** {room, user}: the holder hands the token on, if the host allows passing. */
    public static final String CONTROL_PASS = "sharing.control.pass";
    /** {room, allowed}: the host allows or forbids passing. */
    public static final String CONTROL_PASSING = "sharing.control.passing";
    /** {room, event: InputEvent}: forwarded to the host only while the sender holds the token. */
    public static final String INPUT = "sharing.input";
    /** UPLOAD {room}: the host's frames, each a 4-byte length and a {@link FrameUpdate}; length 0 is a keep-alive. */
    public static final String PUBLISH = "sharing.publish";
    /**
     * DOWNLOAD {room}: a member's frames in the same form; a late joiner's first one is a keyframe. The relay sends
     * the next update only once the viewer acknowledged all but one of those sent ({@link #WATCH_ACK}).
     */
    public static final String WATCH = "sharing.watch";
    /** {room, updates}: the viewer has taken this many updates of its watch stream. */
    public static final String WATCH_ACK = "sharing.watch.ack";

    /** Topic: {@link #ROOMS_CHANGED} with the whole list whenever a room opens, closes or changes. */
    public static final String ROOMS = "sharing.rooms";

    /** Push on {@link #ROOMS}: {rooms: [RoomSummary]}. */
    public static final String ROOMS_CHANGED = "sharing.rooms.changed";
    /** Push to members and host: RoomDetails after any change (members, holder, passing). */
    public static final String ROOM_CHANGED = "sharing.room.changed";
    /** Push to members and host: {room, reason}; the room is gone. */
    public static final String ROOM_CLOSED = "sharing.room.closed";
    /** Push to a participant the host removed: {room, reason}. */
    public static final String KICKED = "sharing.kicked";
    /** Push to members and host: ChatLine. */
    public static final String CHAT_LINE = "sharing.chat.line";
    /** Push to the host: {room, user} asks for control. */
    public static final String CONTROL_ASKED = "sharing.control.asked";
    /** Push to a requester: {room, user} the host said no. */
    public static final String CONTROL_REFUSED = "sharing.control.refused";
    /** Push to the host: {room, user, event} from the token holder. */
    public static final String INPUT_EVENT = "sharing.input.event";

    private SharingMessages() {
    }
}
