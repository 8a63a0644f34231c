package org.syncline.core.filter;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** The changes a replication job can pass on to its targets. */
public enum Operation {
    /** A file that is new on the source. */
    CREATE,
    /** A file whose content changed. */
    UPDATE,
    /** A file deleted on the source: deleted on the targets. */
    DELETE,
    /** A rename or move on the source. */
    MOVE,
    /** A purge from the targets of files the source no longer has, whether or not the job saw them go. */
    ERASE;

    /** Parses a comma-separated list ({@code create,update}, any case; {@code all} for every one). */
    public static Set<Operation> parseSet(String list) {
        if (list == null || list.isBlank()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Name at least one operation: create, update, delete, move, erase (or all).");
        }
        EnumSet<Operation> ops = EnumSet.noneOf(Operation.class);
        for (String part : list.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.equals("ALL")) {
                ops.addAll(EnumSet.allOf(Operation.class));
                continue;
            }
            try {
                ops.add(valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "'" + part.trim() + "' is not an operation; use create, update, delete, move, erase or all.");
            }
        }
        return ops;
    }
}
