package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.internal.server.MasterTopology.PlacedAgent;

/**
 * The agents the master knows: those the topology holds (by member id), when each last reported and its
 * last sample, in memory. An agent the topology holds that has not reported since the master started
 * counts as last seen at the start, so a silent rule fires for it too.
 */
final class AgentRoster {
    /** At or above this CPU or memory percent an online agent is overloaded (unless the master is set otherwise). */
    static final double OVERLOAD_PERCENT = 90;
    /** Heartbeats (sample intervals) an agent may miss before it counts as offline (unless the master is set otherwise). */
    static final int OFFLINE_HEARTBEATS = 3;
    private final double overloadPercent;
    private final int offlineHeartbeats;
    private final MasterTopology topology;
    private final Clock clock;
    private final Instant started;
    private volatile Map<String, PlacedAgent> placed = Map.of();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<String>> helloListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record Live(Instant lastSeen, int intervalSeconds, AgentSample last) {
    }

    AgentRoster(MasterTopology topology, Clock clock) {
        this(topology, clock, OVERLOAD_PERCENT);
    }

    /** @param overloadPercent CPU or memory percent from which an agent counts as overloaded; above 100: never */
    AgentRoster(MasterTopology topology, Clock clock, double overloadPercent) {
        this(topology, clock, overloadPercent, OFFLINE_HEARTBEATS);
    }

    /** @param offlineHeartbeats heartbeats an agent may miss before it counts as offline (at least 1) */
    AgentRoster(MasterTopology topology, Clock clock, double overloadPercent, int offlineHeartbeats) {
        this.overloadPercent = overloadPercent;
        this.offlineHeartbeats = Math.max(1, offlineHeartbeats);
        this.topology = topology;
        this.clock = clock;
        this.started = clock.instant();
        refresh();
        topology.onSaved(v -> refresh());
    }

    final void refresh() {
        Map<String, PlacedAgent> next = new ConcurrentHashMap<>();
        topology.agents().forEach(a -> next.put(a.id(), a));
        placed = next;
    }

    /** An agent's hello: placed in the topology if new; returns the name it has there. */
    String hello(String memberId, String name, String host, int port, List<String> roles, int intervalSeconds) {
        topology.placeAgent(new PlacedAgent(memberId, name, host, port, roles));
        if (!placed.containsKey(memberId)) {
            refresh();
        }
        PlacedAgent p = placed.get(memberId);
        if (p == null) {
            throw new SynclineException(ErrorCode.INTERNAL, "The agent " + name + " was not placed in the topology.");
        }
        live.put(memberId, new Live(clock.instant(), intervalSeconds, AgentSample.none(p.name())));
        for (java.util.function.Consumer<String> l : helloListeners) {
            l.accept(p.name());
        }
        return p.name();
    }

    /** Calls {@code listener} with the topology name of each agent that says hello (it is online from then). */
    void onHello(java.util.function.Consumer<String> listener) {
        helloListeners.add(listener);
    }

    /** The topology name of the agent with this member id. */
    Optional<String> nameOf(String memberId) {
        return Optional.ofNullable(placed.get(memberId)).map(PlacedAgent::name);
    }

    /** Records a sample as the agent's latest (stamped with the master's clock and the agent's topology name). */
    AgentSample sample(String memberId, AgentSample reported) {
        Live l = live.get(memberId);
        PlacedAgent p = placed.get(memberId);
        if (l == null || p == null) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "This agent has not said hello since the master started; say hello first.");
        }
        Instant now = clock.instant();
        AgentSample s = new AgentSample(p.name(), now, reported.cpuPercent(), reported.memoryUsed(), reported.memoryTotal(),
                reported.disks(), reported.netInPerSecond(), reported.netOutPerSecond(), reported.sessions(), reported.uptimeSeconds());
        live.put(memberId, new Live(now, l.intervalSeconds(), s));
        return s;
    }

    Optional<PlacedAgent> byName(String name) {
        return placed.values().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** When the agent last reported, or the master's start if it has not since. */
    Instant lastSeen(String memberId) {
        Live l = live.get(memberId);
        return l == null ? started : l.lastSeen();
    }

    Optional<AgentSample> last(String memberId) {
        Live l = live.get(memberId);
        return l == null || l.last().isNone() ? Optional.empty() : Optional.of(l.last());
    }

    List<PlacedAgent> placed() {
        return List.copyOf(placed.values());
    }

    /** Every placed agent with its state; {@code alerting} says which agent names have an open alert. */
    List<AgentInfo> list(Predicate<String> alerting) {
        List<AgentInfo> out = new ArrayList<>();
        Instant now = clock.instant();
        for (PlacedAgent p : placed.values()) {
            Live l = live.get(p.id());
            String state;
            if (l == null || l.lastSeen().isBefore(now.minusSeconds((long) offlineHeartbeats * Math.max(1, l.intervalSeconds())))) {
                state = AgentInfo.OFFLINE;
            } else if (alerting.test(p.name())) {
                state = AgentInfo.ALERTING;
            } else if (l.last().cpuPercent() >= overloadPercent || l.last().memoryPercent() >= overloadPercent) {
                state = AgentInfo.OVERLOADED;
            } else {
                state = AgentInfo.ONLINE;
            }
            out.add(new AgentInfo(p.id(), p.name(), p.host(), p.port(), p.roles(), state, l == null ? Instant.EPOCH : l.lastSeen(),
                    l == null ? AgentSample.none(p.name()) : l.last()));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
