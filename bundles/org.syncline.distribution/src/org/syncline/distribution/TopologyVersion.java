package org.syncline.distribution;

import java.time.Instant;

/**
 * One saved version of the topology: who saved it, when, and what changed from the version before it.
 * Version 0 is the empty topology the master starts with.
 */
public record TopologyVersion(long version, String savedBy, Instant savedAt, String summary) {
    public static TopologyVersion none() {
        return new TopologyVersion(0, "", Instant.EPOCH, "no topology saved yet");
    }
}
