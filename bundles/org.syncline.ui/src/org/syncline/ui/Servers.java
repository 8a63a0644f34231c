package org.syncline.ui;

import java.util.List;
import java.util.Optional;

import org.syncline.ui.internal.servers.ServerConnections;

/**
 * How a capability's views reach the servers the user connected to: the one selected in the Servers view
 * (or the only one connected), every connected one, and a callback when any connects, disconnects or is
 * selected. Callbacks come on any thread; views hop to the UI thread with {@link UiRunner}.
 */
public final class Servers {
    private Servers() {
    }

    public static Optional<ConnectedServer> selected() {
        return ServerConnections.instance().selected();
    }

    public static List<ConnectedServer> connected() {
        return ServerConnections.instance().connected();
    }

    public static void addListener(Runnable listener) {
        ServerConnections.instance().addListener(listener);
    }

    public static void removeListener(Runnable listener) {
        ServerConnections.instance().removeListener(listener);
    }
}
