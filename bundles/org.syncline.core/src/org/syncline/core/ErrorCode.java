package org.syncline.core;

/**
 * Error codes users can see. Each travels over the wire by name, so a client built later still shows
 * a code it does not know as text.
 */
public enum ErrorCode {
    BAD_REQUEST,
    AUTH_FAILED,
    AUTH_THROTTLED,
    /** The password was right but an administrator disabled the account. */
    ACCOUNT_DISABLED,
    NOT_LOGGED_IN,
    ACCESS_DENIED,
    NOT_FOUND,
    ALREADY_EXISTS,
    INVALID_NAME,
    INVALID_PATH,
    INVALID_ARGUMENT,
    FRAME_TOO_LARGE,
    PROTOCOL_VERSION,
    PROTOCOL_ERROR,
    CERTIFICATE_CHANGED,
    CONNECTION_FAILED,
    TIMEOUT,
    CONFIG,
    STORAGE,
    INTEGRITY,
    /** A change made on an old version of an object that someone changed since (optimistic saves). */
    CONFLICT,
    /** A write that would take a user past the storage quota an admin set. */
    QUOTA_EXCEEDED,
    /** A count or rate limit was reached (a room's participants, chat lines or control requests per second). */
    LIMIT_REACHED,
    INTERNAL;

    /** Reads a code sent by a peer; an unknown name becomes {@link #INTERNAL} rather than failing. */
    public static ErrorCode parse(String name) {
        for (ErrorCode c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return INTERNAL;
    }
}
