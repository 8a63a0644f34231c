package org.syncline.distribution.internal.ui;

import java.util.HashMap;
import java.util.Map;

import org.syncline.distribution.client.DistributionClient;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.UiRunner;

/**
 * The one topology document per server that the tree, the editor and the Properties view share, and the one
 * client per connection whose push subscription feeds it (a reconnect makes a new client and subscribes again).
 * UI thread only.
 */
final class TopologyDocuments {
    private static final Map<String, TopologyDocument> DOCUMENTS = new HashMap<>();

    private TopologyDocuments() {
    }

    /**
     * The server's document; made anew when the server was removed and added again (as {@link org.syncline.ui.LiveList#kept}
     * does): the old one's handle is not connected for good, so its tree kept the old version and its saves said "Not
     * connected".
     */
    static TopologyDocument of(ConnectedServer server) {
        return DOCUMENTS.compute(server.label(), (label, old) -> old != null && old.server() == server ? old : new TopologyDocument(server));
    }

    /** @throws org.syncline.core.SynclineException CONNECTION_FAILED when the server is not connected */
    static DistributionClient client(ConnectedServer server) {
        return server.client(DistributionClient.class, c -> {
            DistributionClient client = new DistributionClient(c);
            UiRunner ui = UiRunner.forWorkbench();
            client.watchTopology(v -> ui.execute(() -> of(server).pushed(v)));
            return client;
        });
    }
}
