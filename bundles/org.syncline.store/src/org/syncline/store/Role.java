package org.syncline.store;

import java.util.Locale;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/** What a user may do. Stored, and typed by administrators, in lower case. */
public enum Role {
    ADMIN,
    USER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + (code == null ? "" : Names.printable(code))
                + "' is not a role; use admin or user.");
    }
}
