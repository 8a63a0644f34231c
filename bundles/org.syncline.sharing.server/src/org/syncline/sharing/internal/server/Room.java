package org.syncline.sharing.internal.server;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.RequestContext;
import org.syncline.sharing.ChatLine;
import org.syncline.sharing.InputEvent;
import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.RoomSummary;
import org.syncline.sharing.SharingMessages;

/**
 * One room: its host (whose session it lives in), its viewers, the control token, the chat and the tile board.
 * Every change is pushed to the host and every viewer while the room's lock is held, so all of them see changes
 * in the same order.
 */
final class Room {
    static final int CHAT_HISTORY = 1000;
    static final int MAX_CHAT_CHARS = 2000;

    private record Participant(String name, RequestContext session, TokenBucket chat, TokenBucket control) {
    }

    final String id;
    final String title;
    final String host;
    private final RequestContext hostSession;
    private final RoomPassword password;
    private final int max;
    private final LongSupplier clock;
    private final Map<String, Participant> viewers = new LinkedHashMap<>();
    private final Set<String> asking = new LinkedHashSet<>();
    private final Map<String, ViewerPace> paces = new java.util.HashMap<>();
    private final ArrayDeque<ChatLine> chat = new ArrayDeque<>();
    private final TokenBucket hostChat;
    final TileBoard board = new TileBoard();
    private String holder;
    private boolean passingAllowed;
    private boolean closed;

    Room(String id, String title, RequestContext hostSession, RoomPassword password, int max, LongSupplier clock) {
        this.id = id;
        this.title = title;
        this.host = hostSession.principal().name();
        this.hostSession = hostSession;
        this.password = password;
        this.max = max;
        this.clock = clock;
        this.holder = host;
        this.hostChat = chatBucket();
    }

    synchronized RoomSummary summary() {
        return new RoomSummary(id, title, host, viewers.size(), max, password != null);
    }

    synchronized RoomDetails details() {
        return new RoomDetails(id, title, host, new ArrayList<>(viewers.keySet()), max, password != null, holder, passingAllowed);
    }

    synchronized List<ChatLine> history() {
        return new ArrayList<>(chat);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    boolean isHostSession(RequestContext ctx) {
        return ctx.sessionId() == hostSession.sessionId();
    }

    synchronized boolean isMember(String user) {
        return host.equals(user) || viewers.containsKey(user);
    }

    synchronized void join(RequestContext ctx, char[] candidate) {
        open();
        String user = ctx.principal().name();
        if (host.equals(user)) {
            throw new SynclineException(ErrorCode.CONFLICT, "You host room '" + id + "'; a host does not join its own room.");
        }
        if (viewers.containsKey(user)) {
            throw new SynclineException(ErrorCode.ALREADY_EXISTS, "'" + user + "' is already in room '" + id + "'; leave it there first.");
        }
        if (password != null && (candidate == null || !password.matches(candidate))) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Wrong password for room '" + id + "'.");
        }
        if (viewers.size() >= max) {
            throw new SynclineException(ErrorCode.LIMIT_REACHED, "Room '" + id + "' is full: it takes at most " + max + (max == 1 ? " participant." : " participants."));
        }
        viewers.put(user, new Participant(user, ctx, chatBucket(), new TokenBucket(3, 0.5, clock)));
        changed();
    }

    /** Removes a viewer; false when it was not in the room. */
    synchronized boolean leave(String user) {
        if (viewers.remove(user) == null) {
            return false;
        }
        asking.remove(user);
        if (user.equals(holder)) {
            holder = host;
        }
        changed();
        // its frame stream ends now rather than at its next keep-alive
        ViewerPace pace = paces.remove(user);
        if (pace != null) {
            pace.release();
        }
        board.wake();
        return true;
    }

    synchronized void kick(String by, String user) {
        requireHost(by, "remove a participant");
        Participant p = viewers.get(user);
        if (p == null) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "'" + user + "' is not in room '" + id + "'.");
        }
        leave(user);
        p.session().push(SharingMessages.KICKED, Json.object("room", id, "reason", "The host removed you from room '" + id + "'."));
    }

    /** Viewers whose session closed, and whether the host's did. */
    synchronized List<String> goneViewers() {
        return viewers.values().stream().filter(p -> !p.session().open()).map(Participant::name).toList();
    }

    boolean hostGone() {
        return !hostSession.open();
    }

    synchronized void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        board.close();
        paces.values().forEach(ViewerPace::release);
        paces.clear();
        Map<String, Object> body = Json.object("room", id, "reason", reason);
        hostSession.push(SharingMessages.ROOM_CLOSED, body);
        viewers.values().forEach(p -> p.session().push(SharingMessages.ROOM_CLOSED, body));
        viewers.clear();
    }

    /** Starts pacing a member's new frame stream (a second stream of the same member replaces the first). */
    synchronized ViewerPace startFeed(String user) {
        requireMember(user, "watch");
        ViewerPace pace = new ViewerPace();
        ViewerPace before = paces.put(user, pace);
        if (before != null) {
            before.release();
        }
        return pace;
    }

    synchronized void acked(String user, long total) {
        requireMember(user, "acknowledge frames of");
        ViewerPace pace = paces.get(user);
        if (pace != null) {
            pace.acked(total);
        }
    }

    synchronized ChatLine chat(String sender, String text) {
        requireMember(sender, "chat");
        if (text == null || text.isBlank() || text.length() > MAX_CHAT_CHARS || text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A chat line is 1 to " + MAX_CHAT_CHARS
                    + " characters on one line, without control characters.");
        }
        TokenBucket bucket = host.equals(sender) ? hostChat : viewers.get(sender).chat();
        if (!bucket.tryTake()) {
            throw new SynclineException(ErrorCode.LIMIT_REACHED, "Too many chat lines from '" + sender + "'; wait a moment and send again.");
        }
        ChatLine line = new ChatLine(id, sender, Instant.now(), text);
        chat.addLast(line);
        if (chat.size() > CHAT_HISTORY) {
            chat.removeFirst();
        }
        everyone(SharingMessages.CHAT_LINE, Json.tree(line));
        return line;
    }

    synchronized List<ChatLine> historyFor(String user) {
        requireMember(user, "read the chat of");
        return new ArrayList<>(chat);
    }

    synchronized void requestControl(String user) {
        open();
        Participant p = viewers.get(user);
        if (p == null) {
            throw notMember(user, "ask for control of");
        }
        if (!p.control().tryTake()) {
            throw new SynclineException(ErrorCode.LIMIT_REACHED, "Too many control requests from '" + user + "'; wait for the host's answer.");
        }
        if (user.equals(holder)) {
            return;
        }
        asking.add(user);
        hostSession.push(SharingMessages.CONTROL_ASKED, Json.object("room", id, "user", user));
    }

    synchronized void grant(String by, String user) {
        requireHost(by, "grant control");
        if (!viewers.containsKey(user)) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "'" + user + "' is not in room '" + id + "'.");
        }
        asking.remove(user);
        holder = user;
        changed();
    }

    synchronized void refuse(String by, String user) {
        requireHost(by, "refuse control");
        asking.remove(user);
        Participant p = viewers.get(user);
        if (p != null) {
            p.session().push(SharingMessages.CONTROL_REFUSED, Json.object("room", id, "user", user));
        }
    }

    /** The host takes the token back, whoever holds it. */
    synchronized void revoke(String by) {
        requireHost(by, "revoke control");
        holder = host;
        changed();
    }

    synchronized void pass(String by, String user) {
        open();
        if (!by.equals(holder)) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only the holder of the control token may pass it; '" + holder + "' holds it.");
        }
        if (!isMember(user)) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "'" + user + "' is not in room '" + id + "'.");
        }
        if (!by.equals(host) && !passingAllowed) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "The host of room '" + id + "' does not allow passing the control token.");
        }
        asking.remove(user);
        holder = user;
        changed();
    }

    synchronized void allowPassing(String by, boolean allowed) {
        requireHost(by, "allow passing");
        passingAllowed = allowed;
        changed();
    }

    /** Forwards input to the host only from the holder of the token at this moment. */
    synchronized void input(String from, InputEvent event) {
        requireMember(from, "send input to");
        if (!from.equals(holder)) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Input refused: '" + from + "' does not hold the control token of room '"
                    + id + "' ('" + holder + "' does).");
        }
        hostSession.push(SharingMessages.INPUT_EVENT, Json.object("room", id, "user", from, "event", Json.tree(event)));
    }

    void requireHost(String user, String what) {
        if (!host.equals(user)) {
            throw new SynclineException(ErrorCode.ACCESS_DENIED, "Only the host of room '" + id + "' ('" + host + "') may " + what + ".");
        }
        open();
    }

    void requireMember(String user, String what) {
        open();
        if (!isMember(user)) {
            throw notMember(user, what);
        }
    }

    private SynclineException notMember(String user, String what) {
        return new SynclineException(ErrorCode.ACCESS_DENIED, "'" + user + "' is not a member of room '" + id + "' and may not " + what + " it; join first.");
    }

    private void open() {
        if (closed) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "Room '" + id + "' is closed.");
        }
    }

    private void changed() {
        everyone(SharingMessages.ROOM_CHANGED, Json.tree(details()));
    }

    private void everyone(String type, Map<String, Object> body) {
        hostSession.push(type, body);
        viewers.values().forEach(p -> p.session().push(type, body));
    }

    private TokenBucket chatBucket() {
        return new TokenBucket(10, 5, clock);
    }
}
