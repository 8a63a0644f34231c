package org.syncline.distribution;

import java.time.Instant;
import java.util.List;

/**
 * An agent the master knows: its member id, the server name it has in the topology, where it listens, its
 * roles, its state ({@code online}, {@code offline}, {@code overloaded}, {@code alerting}), when it last
 * reported ({@link Instant#EPOCH}: not since the master started) and its last sample.
 */
public record AgentInfo(String id, String name, String host, int port, List<String> roles, String state, Instant lastSeen,
        AgentSample last) {
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final String OVERLOADED = "overloaded";
    public static final String ALERTING = "alerting";

    public AgentInfo {
        roles = List.copyOf(roles);
    }
}
