package org.syncline.sharing;

import java.util.List;

/** What a viewer gets on joining: the room and its chat so far (a late joiner reads what was said). */
public record JoinedRoom(RoomDetails room, List<ChatLine> chat) {
    public JoinedRoom {
        chat = List.copyOf(chat);
    }
}
