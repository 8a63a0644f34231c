package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;

/**
 * Bytes one writer produces while a reader follows them ({@link GrowingFile}, {@link HopPipe}): how many were written,
 * whether the writer ended them as good or failed them, and the wait of a reader that caught up with the writer. A
 * reader sees the end only once the writer {@link #end ended} the bytes, and an error once they {@link #fail failed}.
 * Everything here holds this object's lock; a subclass guards its own state with the same lock.
 */
abstract class FollowedBytes {
    private long length;
    private boolean ended;
    private String failure;

    /** The bytes written so far. */
    final synchronized long length() {
        return length;
    }

    /** The writer is done and the bytes are good: a reader reaches the end of the stream once it took them all. */
    final synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The bytes are not good (or will never be complete): the reader and the writer get {@code why} as an error. */
    synchronized void fail(String why) {
        if (!ended && failure == null) {
            failure = why;
        }
        notifyAll();
    }

    /** Whether the bytes failed. */
    final synchronized boolean failed() {
        return failure != null;
    }

    /** The writer wrote {@code n} more bytes: a waiting reader wakes. */
    final synchronized void wrote(long n) {
        length += n;
        notifyAll();
    }

    /**
     * Waits while {@code caughtUp} holds (the reader has taken all there is so far) and the writer neither ended nor
     * failed the bytes; throws the failure, if any. Call it holding this object's lock, as {@code caughtUp} reads
     * state the lock guards.
     */
    final void awaitMore(BooleanSupplier caughtUp) throws IOException {
        while (caughtUp.getAsBoolean() && failure == null && !ended) {
            pause();
        }
        throwIfFailed();
    }

    /** Throws the failure as an I/O error, if the bytes failed. */
    final synchronized void throwIfFailed() throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
    }

    /** Waits for the other side to change something (holding this object's lock). */
    final void pause() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The transfer was stopped.");
        }
    }
}
