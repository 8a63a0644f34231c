package org.syncline.protocol.internal;

import java.io.IOException;

import javax.net.ssl.SSLException;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.syncline.protocol.Frame;

/** Small operations on MINA sessions shared by both ends. */
public final class Sessions {
    private Sessions() {
    }

    /** Writes a frame; for control frames the caller does not wait for the write to finish. */
    public static void send(IoSession session, Frame frame) {
        if (session.isConnected() && !session.isClosing()) {
            session.write(frame);
        }
    }

    /** Writes a frame of a stream, then waits while the session has more queued than the socket takes. */
    public static void sendStream(IoSession session, Frame frame) {
        send(session, frame);
        try {
            WriteBacklog.await(session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The frame violation behind an exception MINA reports, or null. */
    public static FrameException frameViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FrameException f) {
                return f;
            }
        }
        return null;
    }

    /** True for failures that are the peer's doing (bad TLS, reset connection), not a bug of ours. */
    public static boolean isPeerFault(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException || c instanceof IOException || c instanceof ProtocolDecoderException) {
                return true;
            }
        }
        return false;
    }
}
