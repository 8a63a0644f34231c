package org.syncline.protocol;

/** Who may send a message. The endpoint checks it for every message before a handler runs. */
public enum Access {
    /** Any logged-in user. */
    USER,
    /** Only users with the admin role. */
    ADMIN;

    public boolean allows(Principal p) {
        return p != null && (this == USER || p.isAdmin());
    }
}
