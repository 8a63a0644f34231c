package org.syncline.core;

/**
 * A failure a user may see: a code and one sentence that names the problem and what to do.
 * The message is meant to be shown as is; it never carries a stack trace across the wire.
 */
public class SynclineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public SynclineException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public SynclineException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** The line a CLI or dialog shows: {@code CODE: sentence}. */
    public String toUserText() {
        return code.name() + ": " + getMessage();
    }
}
