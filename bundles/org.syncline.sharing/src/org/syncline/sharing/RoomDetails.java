package org.syncline.sharing;

import java.util.List;

/**
 * A room with its members and its control token.
 *
 * @param members the viewers, in the order they joined (the host is not among them)
 * @param tokenHolder who may send input now: the host unless it granted the token to a viewer
 * @param passingAllowed whether the holder may hand the token to another participant
 */
public record RoomDetails(String id, String title, String host, List<String> members, int max, boolean locked,
        String tokenHolder, boolean passingAllowed) {

    public RoomDetails {
        members = List.copyOf(members);
    }
}
