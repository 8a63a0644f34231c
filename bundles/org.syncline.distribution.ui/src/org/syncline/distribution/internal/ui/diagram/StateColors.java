package org.syncline.distribution.internal.ui.diagram;

import org.syncline.model.topology.ServerState;

/** The fill of a server node by its live state; every server is UNKNOWN until monitoring reports. */
public final class StateColors {
    private StateColors() {
    }

    public static int fill(ServerState state) {
        return switch (state == null ? ServerState.UNKNOWN : state) {
            case ONLINE -> 0xd6f5d6;
            case OFFLINE -> 0xd0d0d0;
            case OVERLOADED -> 0xffe0a8;
            case ALERTING -> 0xffc4c4;
            case UNKNOWN -> 0xf2f2f2;
        };
    }
}
