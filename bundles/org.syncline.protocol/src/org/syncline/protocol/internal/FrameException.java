package org.syncline.protocol.internal;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** A violation of the frame format: the peer gets one ERROR frame and the session is closed. */
public final class FrameException extends SynclineException {
    private static final long serialVersionUID = 1L;

    public FrameException(ErrorCode code, String message) {
        super(code, message);
    }
}
