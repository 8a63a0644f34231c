package org.syncline.distribution;

/**
 * The message catalogue of distribution. Every name is {@code distribution.<verb>}. Any logged-in user may
 * read the topology; only admins may save it. The topology travels as XMI bytes streamed after the body.
 */
public final class DistributionMessages {
    public static final String CAPABILITY = "distribution";
    /** Body: empty. Answer: the current {@link TopologyVersion} (version 0 before the first save). */
    public static final String TOPOLOGY_INFO = "distribution.topology.info";
    /** Download. Body: empty. The XMI of the current topology, then its {@link TopologyVersion}. */
    public static final String TOPOLOGY_GET = "distribution.topology.get";
    /**
     * Upload of a whole topology as XMI. Body: baseVersion, the version the change was made on. Refused when
     * the model has errors, or when another save came after baseVersion. Answer: a {@link TopologySaved}.
     */
    public static final String TOPOLOGY_SAVE = "distribution.topology.save";
    /** Any user may subscribe; every accepted save pushes {@link #TOPOLOGY_CHANGED}. */
    public static final String TOPOLOGY_TOPIC = "distribution.topology";
    /** Body: the new {@link TopologyVersion} (version, savedBy, savedAt, summary). */
    public static final String TOPOLOGY_CHANGED = "distribution.topology.changed";

    private DistributionMessages() {
    }
}
