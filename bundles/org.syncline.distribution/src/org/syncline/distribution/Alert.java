package org.syncline.distribution;

import java.time.Instant;

/**
 * One alert: the rule that raised it, what it is about (an agent's name, or host:port), when it was raised
 * and cleared ({@link Instant#EPOCH} while it is open) and the sentence saying what is wrong.
 */
public record Alert(long id, long ruleId, String rule, String target, Instant raisedAt, Instant clearedAt, String message) {
    public boolean isOpen() {
        return Instant.EPOCH.equals(clearedAt);
    }
}
