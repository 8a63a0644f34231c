package org.syncline.sharing.host;

/** How a {@link HostSession} ended. */
public enum HostEnd {
    /** The host stopped sharing. */
    STOPPED,
    /** The shared window was closed (or was not shown on the screen when sharing began). */
    WINDOW_GONE,
    /** The relay closed the room (an admin, or the relay stopping). */
    ROOM_CLOSED,
    /** Frames could not reach the relay any more (the connection dropped). */
    FAILED
}
