package org.syncline.protocol;

/** Where a client connection stands, as the Servers view shows it. */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    /** The connection was lost; the client is trying again with backoff. */
    RECONNECTING,
    /** Closed by the user. */
    CLOSED,
    /** Gave up: wrong credentials, a changed certificate, or another error that retrying cannot fix. */
    FAILED
}
