package org.syncline.core;

import java.io.IOException;

/** A failure caught on a background thread, thrown again on the thread that waited for it. */
public final class Failures {
    private Failures() {
    }

    /**
     * Throws {@code failure} as what it is (so an error code, an interruption or an I/O failure still tells the waiting
     * thread what happened), except a checked exception of another kind, which goes inside an IOException with its
     * message. Does nothing for null.
     */
    public static void rethrow(Throwable failure) throws IOException, InterruptedException {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error er) {
            throw er;
        } else if (failure instanceof InterruptedException ie) {
            throw ie;
        } else if (failure instanceof IOException io) {
            throw io;
        }
        throw new IOException(failure.getMessage(), failure);
    }
}
