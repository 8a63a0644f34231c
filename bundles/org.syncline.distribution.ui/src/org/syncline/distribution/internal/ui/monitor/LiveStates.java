package org.syncline.distribution.internal.ui.monitor;

import java.util.Locale;

import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.ServerState;
import org.syncline.model.topology.query.Elements;

/**
 * Sets each server's transient state (never saved) from what the master says of the agent of that name;
 * a server no agent reports for is {@link ServerState#UNKNOWN}.
 */
public final class LiveStates {
    private LiveStates() {
    }

    /** @return whether any server's state changed */
    public static boolean apply(Deployment d, LiveMonitoring live) {
        boolean changed = false;
        for (Server s : Elements.servers(d)) {
            changed |= set(s, live);
        }
        return changed;
    }

    private static boolean set(Server s, LiveMonitoring live) {
        String state = live.state(s.getName());
        ServerState next = state == null ? ServerState.UNKNOWN : ServerState.get(state.toUpperCase(Locale.ROOT));
        if (next == null) {
            next = ServerState.UNKNOWN;
        }
        if (s.getState() == next) {
            return false;
        }
        s.setState(next);
        return true;
    }
}
