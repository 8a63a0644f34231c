package org.syncline.cli.api;

import org.syncline.core.ErrorCode;

/** The exit codes every command shares. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int UNREACHABLE = 4;

    private ExitCodes() {
    }

    public static int of(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> USAGE;
            case AUTH_FAILED, AUTH_THROTTLED, ACCOUNT_DISABLED -> AUTH;
            case CONNECTION_FAILED, CERTIFICATE_CHANGED, PROTOCOL_VERSION, TIMEOUT -> UNREACHABLE;
            default -> FAILED;
        };
    }
}
