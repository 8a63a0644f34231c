package org.syncline.sharing.host;

/**
 * The room a host opens on the relay for its sharing.
 *
 * @param title the room's title as the room list shows it
 * @param password viewers must give it to join; null for an open room
 * @param max at most this many viewers; null for the relay's limit
 */
public record RoomRequest(String title, char[] password, Integer max) {
}
