package org.syncline.sharing;

/**
 * One room as the relay lists it.
 *
 * @param participants viewers in the room now (the host is not counted)
 * @param max the most viewers the room takes
 * @param locked true when joining needs the room's password
 */
public record RoomSummary(String id, String title, String host, int participants, int max, boolean locked) {
}
