package org.syncline.sharing.internal.server;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.Principal;
import org.syncline.protocol.RequestContext;
import org.syncline.sharing.RoomSummary;
import org.syncline.sharing.SharingMessages;

/**
 * The rooms of one relay, in memory: a room lives as long as its host's session. The room list goes to every
 * subscriber of {@link SharingMessages#ROOMS} on each change.
 */
final class Relay {
    static final int MAX_TITLE_CHARS = 120;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final CapabilityEndpoint endpoint;
    private final int maxParticipants;

    Relay(CapabilityEndpoint endpoint, int maxParticipants) {
        this.endpoint = endpoint;
        this.maxParticipants = maxParticipants;
    }

    int maxParticipants() {
        return maxParticipants;
    }

    Room create(RequestContext host, String title, char[] password, long max) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE_CHARS || title.chars().anyMatch(c -> c < 0x20)) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A room title is 1 to " + MAX_TITLE_CHARS + " characters on one line.");
        }
        if (max < 1 || max > maxParticipants) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A room takes 1 to " + maxParticipants
                    + " participants on this relay (sharing.max-participants), not " + max + ".");
        }
        if (password != null && password.length == 0) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A room password may not be empty; leave it out for an open room.");
        }
        RoomPassword hash = password == null ? null : new RoomPassword(password);
        Room room;
        do {
            room = new Room(Long.toString(RANDOM.nextLong() >>> 1 | 1L << 40, 36).substring(0, 8), title.strip(), host, hash,
                    (int) max, System::nanoTime);
        } while (rooms.putIfAbsent(room.id, room) != null);
        listChanged();
        return room;
    }

    List<RoomSummary> list() {
        List<RoomSummary> list = new ArrayList<>();
        rooms.values().forEach(r -> list.add(r.summary()));
        list.sort(Comparator.comparing(RoomSummary::title).thenComparing(RoomSummary::id));
        return list;
    }

    Room room(String id) {
        Room room = id == null ? null : rooms.get(id);
        if (room == null || room.isClosed()) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "There is no room '" + Names.printable(String.valueOf(id)) + "' on this relay.");
        }
        return room;
    }

    /** Closes a room at its host's or an admin's request. */
    void close(Principal by, String id) {
        Room room = room(id);
        if (!by.isAdmin()) {
            room.requireHost(by.name(), "close it");
        }
        close(room, by.name().equals(room.host) ? "The host closed the room." : "An admin ('" + by.name() + "') closed the room.");
    }

    void close(Room room, String reason) {
        rooms.remove(room.id, room);
        room.close(reason);
        listChanged();
    }

    /** Drops what belongs to closed sessions: their memberships, and the rooms their hosts held. */
    void sweep() {
        for (Room room : rooms.values()) {
            if (room.hostGone()) {
                close(room, "The host left; the room is closed.");
                continue;
            }
            boolean left = false;
            for (String user : room.goneViewers()) {
                left |= room.leave(user);
            }
            if (left) {
                listChanged();
            }
        }
    }

    void closeAll() {
        rooms.values().forEach(r -> close(r, "The relay is stopping."));
    }

    void listChanged() {
        endpoint.publish(SharingMessages.ROOMS, SharingMessages.ROOMS_CHANGED, Json.object("rooms", list()));
    }
}
