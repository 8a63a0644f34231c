package org.syncline.sharing.client;

import org.syncline.sharing.RoomDetails;

/**
 * The host's own view of who holds the control token of its room, kept from the relay's pushes in the order they
 * arrive (the same order as the input they precede). The host engine asks it again right before it injects an
 * event, whatever the relay checked: input from anyone but the holder is dropped.
 */
public final class ControlToken {
    private final String host;
    private volatile String holder;

    ControlToken(String host) {
        this.host = host;
        this.holder = host;
    }

    void update(RoomDetails details) {
        holder = details.tokenHolder();
    }

    void close() {
        holder = null;
    }

    /** Who holds the token now (the host while nobody else does), or null once the room is closed. */
    public String holder() {
        return holder;
    }

    /** True when input from {@code user} may be injected now: a viewer that holds the token. */
    public boolean allows(String user) {
        String h = holder;
        return user != null && h != null && !h.equals(host) && h.equals(user);
    }
}
