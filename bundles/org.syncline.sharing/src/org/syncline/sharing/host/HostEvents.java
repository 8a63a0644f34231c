package org.syncline.sharing.host;

import org.syncline.sharing.RoomDetails;
import org.syncline.sharing.input.InjectionResult;

/**
 * What a host's user interface hears from a {@link HostSession}: every method has an empty default and is called
 * on a thread of the session or of the connection, so it must return quickly.
 */
public interface HostEvents {

    /** Members, token holder or passing changed (also right after the room opened). */
    default void roomChanged(RoomDetails room) {
    }

    /** Input from the token holder did not reach the window; the session counts these and carries on. */
    default void inputDropped(String user, InjectionResult result) {
    }

    /** The sharing ended: {@code reason} is one sentence (the host stopped, the window closed, the relay closed the room). */
    default void stopped(String reason) {
    }
}
