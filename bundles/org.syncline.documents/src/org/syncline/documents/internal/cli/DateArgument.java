package org.syncline.documents.internal.cli;

import java.time.Instant;
import java.time.ZoneOffset;

import org.syncline.core.DateInputs;
import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/** A date the CLI takes: 2026-11-22 (the start of that day, UTC) or an instant, 2026-11-22T10:15:00Z. */
public final class DateArgument {
    private DateArgument() {
    }

    public static Instant parse(String option, String value) {
        if (value == null) {
            return null;
        }
        return DateInputs.parse(value, ZoneOffset.UTC).orElseThrow(() -> new SynclineException(ErrorCode.INVALID_ARGUMENT,
                option + " takes a date such as 2026-11-22 or 2026-11-22T10:15:00Z, not '" + Names.printable(value) + "'."));
    }
}
