package org.syncline.distribution.internal.server;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.syncline.distribution.AgentInfo;

/**
 * Pushes an agent's state each time it changes, rule or no rule: offline once it has missed its heartbeats,
 * online again at its next one, overloaded or alerting. The master runs {@link #check()} every second and
 * at every hello; the first check only learns the states, so a restarted master does not push them all.
 */
final class AgentStateWatch {
    private final AgentRoster roster;
    private final Predicate<String> alerting;
    private final Consumer<AgentInfo> push;
    private final Map<String, String> known = new HashMap<>();
    private boolean primed;

    AgentStateWatch(AgentRoster roster, Predicate<String> alerting, Consumer<AgentInfo> push) {
        this.roster = roster;
        this.alerting = alerting;
        this.push = push;
    }

    synchronized void check() {
        for (AgentInfo a : roster.list(alerting)) {
            String before = known.put(a.id(), a.state());
            if (primed && !a.state().equals(before)) {
                push.accept(a);
            }
        }
        primed = true;
    }
}
