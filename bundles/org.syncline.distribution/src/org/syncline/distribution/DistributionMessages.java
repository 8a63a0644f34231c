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

    /** Agents only (Access.MEMBER). Body: name, host, port, roles (comma-separated), intervalSeconds. Answer: name (in the topology). */
    public static final String AGENT_HELLO = "distribution.agent.hello";
    /** Agents only, after hello. Body: an {@link AgentSample}. Answer: empty. */
    public static final String AGENT_SAMPLE = "distribution.agent.sample";
    /** Any user. Body: empty. Answer: agents, a list of {@link AgentInfo}. */
    public static final String AGENTS = "distribution.agents";
    /**
     * Any user. Body: agent (its name), since (ISO-8601). Answer: resolution ({@code raw} when since is within
     * the raw retention, else {@code minute}: 1-minute averages) and samples, oldest first.
     */
    public static final String MONITOR = "distribution.monitor";
    /** Any user may subscribe; every sample an agent reports pushes {@link #SAMPLE} with the {@link AgentSample}. */
    public static final String SAMPLES_TOPIC = "distribution.samples";
    public static final String SAMPLE = "distribution.sample";
    /** Any user. Body: all (true: with history). Answer: alerts, newest first. */
    public static final String ALERT_LIST = "distribution.alert.list";
    /** Any user may subscribe; each raise and clear pushes {@link #ALERT} with an {@link AlertEvent}. */
    public static final String ALERTS_TOPIC = "distribution.alerts";
    public static final String ALERT = "distribution.alert";
    /** Any user. Answer: rules, a list of {@link AlertRule}. */
    public static final String ALERT_RULES = "distribution.alert.rules";
    /** Admins. Body: an {@link AlertRule} (id ignored). Answer: the rule as stored. */
    public static final String ALERT_RULE_ADD = "distribution.alert.rule.add";
    /** Admins. Body: id. Answer: the removed rule; its open alerts are cleared. */
    public static final String ALERT_RULE_REMOVE = "distribution.alert.rule.remove";
    /** Admins. Answer: {@link IngestStats} of sample handling on the master. */
    public static final String STATS = "distribution.stats";

    private DistributionMessages() {
    }
}
