package org.syncline.ui;

import java.util.function.Function;

import org.syncline.protocol.Connection;

/**
 * One server the workbench is connected to, as a capability's views use it: they ask for their typed
 * client and never touch the connection otherwise.
 */
public interface ConnectedServer {
    /** host:port as the Servers view shows it. */
    String label();

    /** The user the workbench logged in as. */
    String user();

    boolean isConnected();

    /**
     * The capability's client for this server, made with {@code factory} once per connection (a reconnect
     * makes a new one, so push subscriptions made in the factory are renewed).
     *
     * @throws org.syncline.core.SynclineException CONNECTION_FAILED when the server is not connected
     */
    <T> T client(Class<T> type, Function<Connection, T> factory);
}
