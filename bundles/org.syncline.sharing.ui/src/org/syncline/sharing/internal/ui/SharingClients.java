package org.syncline.sharing.internal.ui;

import org.syncline.sharing.client.SharingClient;
import org.syncline.ui.ConnectedServer;

/** The sharing client of a connected server, one per connection. */
final class SharingClients {
    private SharingClients() {
    }

    static SharingClient of(ConnectedServer server) {
        return server.client(SharingClient.class, SharingClient::new);
    }
}
