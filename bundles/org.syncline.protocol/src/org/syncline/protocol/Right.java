package org.syncline.protocol;

import java.util.Locale;

/**
 * What a principal may do with one object (a shared folder, a document, a room, a job). Each right
 * includes the ones before it: whoever may manage may also write and read.
 */
public enum Right {
    READ, WRITE, MANAGE;

    public boolean includes(Right other) {
        return ordinal() >= other.ordinal();
    }

    /** The word users see and the CLI takes: read, write, manage. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Right parse(String word) {
        for (Right r : values()) {
            if (r.word().equals(word)) {
                return r;
            }
        }
        throw new org.syncline.core.SynclineException(org.syncline.core.ErrorCode.INVALID_ARGUMENT,
                "Unknown right '" + org.syncline.core.Names.printable(String.valueOf(word)) + "'; use read, write or manage.");
    }
}
