package org.syncline.documents;

import java.time.Instant;

/**
 * A storage node as its registry sees it. {@code status} is {@link #UP} or {@link #DOWN} (three heartbeats
 * missed); {@code local} marks the node built into the registry's own process, which is up while it runs.
 * Capacity and free space are in bytes; {@code documents} counts the documents whose newest version it holds.
 */
public record NodeInfo(String name, String address, String status, long capacity, long free, long documents, Instant lastHeartbeat,
        boolean local) {
    public static final String UP = "up";
    public static final String DOWN = "down";

    public boolean isUp() {
        return UP.equals(status);
    }
}
