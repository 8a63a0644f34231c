package org.syncline.store;

import java.time.Instant;

/**
 * An enrollment token as the server keeps it: never the secret, only its SHA-256. {@code usedAt} and
 * {@code revokedAt} are null until that happens; {@code usedBy} names the server that enrolled with it.
 */
public record EnrollmentToken(String id, String createdBy, Instant created, Instant expires, String usedBy, Instant usedAt,
        Instant revokedAt) {

    /** What stands in the way of enrolling with this token at {@code now}, or null when it may be used. */
    public String refusal(Instant now) {
        if (revokedAt != null) {
            return "The enrollment token " + id + " was revoked at " + revokedAt + "; ask an admin for a new one ('syncline cli node token').";
        }
        if (usedAt != null) {
            return "The enrollment token " + id + " was already used at " + usedAt + " by " + usedBy
                    + "; tokens are single-use, ask an admin for a new one ('syncline cli node token').";
        }
        if (!now.isBefore(expires)) {
            return "The enrollment token " + id + " expired at " + expires + "; ask an admin for a new one ('syncline cli node token').";
        }
        return null;
    }

    public String state(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        if (usedAt != null) {
            return "used";
        }
        return now.isBefore(expires) ? "valid" : "expired";
    }
}
