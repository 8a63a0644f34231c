package org.syncline.sync.internal.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.syncline.sync.client.SyncClient;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.Servers;

/**
 * The one SyncClient per connection that the engines and the views share. The hub pushes a commit to a
 * connection once; whichever view makes the client first must not be the only one that hears it, so the
 * subscription feeds this list and each view adds itself to it.
 */
final class SyncClients {
    private static final List<BiConsumer<String, Long>> LISTENERS = new CopyOnWriteArrayList<>();

    private SyncClients() {
    }

    /** @throws org.syncline.core.SynclineException CONNECTION_FAILED when the server is not connected */
    static SyncClient of(ConnectedServer server) {
        return server.client(SyncClient.class, c -> {
            SyncClient client = new SyncClient(c);
            client.watch((folder, cursor) -> LISTENERS.forEach(l -> l.accept(folder, cursor)));
            return client;
        });
    }

    /** The connected server of that label (user@host:port), if the workbench is connected to it. */
    static Optional<ConnectedServer> server(String label) {
        return Servers.connected().stream().filter(s -> s.label().equals(label) && s.isConnected()).findFirst();
    }

    /** Called on the connection's push thread with (folder, cursor) for every commit to a folder the user may read. */
    static void addListener(BiConsumer<String, Long> listener) {
        LISTENERS.add(listener);
    }

    static void removeListener(BiConsumer<String, Long> listener) {
        LISTENERS.remove(listener);
    }
}
