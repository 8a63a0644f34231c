package org.syncline.protocol;

import java.net.SocketAddress;
import java.util.Map;

/** What a handler knows about the request's sender, and how to push to it. */
public interface RequestContext {
    Principal principal();

    SocketAddress remoteAddress();

    long sessionId();

    /** Sends a PUSH frame to the session that sent this request. */
    void push(String type, Map<String, Object> body);

    /**
     * True while the sender's session is open. State kept for a session (a room's host or members) is
     * dropped once this turns false.
     */
    default boolean open() {
        return true;
    }
}
