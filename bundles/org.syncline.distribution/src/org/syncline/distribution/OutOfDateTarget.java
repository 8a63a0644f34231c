package org.syncline.distribution;

import java.time.Instant;

/**
 * A target a job is out of date on: since the run ({@code run}, started {@code since}) it missed or did not
 * finish (it was left out, dropped out or failed), with that run's reason. A later run of the whole job that
 * reaches it clears it.
 */
public record OutOfDateTarget(String server, long run, Instant since, String reason) {
    public OutOfDateTarget {
        reason = reason == null ? "" : reason;
        since = since == null ? Instant.EPOCH : since;
    }
}
