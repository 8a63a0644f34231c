package org.syncline.documents.internal.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.syncline.documents.DocumentEvent;
import org.syncline.documents.NodeInfo;
import org.syncline.documents.client.DocumentsClient;
import org.syncline.ui.ConnectedServer;

/**
 * The one DocumentsClient per connection that every Documents view shares. The server pushes events to a
 * client once; whichever view makes the client first must not be the only one that hears them, so the
 * subscription feeds this list and each view adds itself to it.
 */
final class DocumentsClients {
    private static final List<Consumer<DocumentEvent>> LISTENERS = new CopyOnWriteArrayList<>();
    private static final List<Consumer<NodeInfo>> NODE_LISTENERS = new CopyOnWriteArrayList<>();

    private DocumentsClients() {
    }

    /** @throws org.syncline.core.SynclineException CONNECTION_FAILED when the server is not connected */
    static DocumentsClient of(ConnectedServer server) {
        return server.client(DocumentsClient.class, c -> {
            DocumentsClient client = new DocumentsClient(c);
            client.watch(event -> LISTENERS.forEach(l -> l.accept(event)));
            client.watchNodes(node -> NODE_LISTENERS.forEach(l -> l.accept(node)));
            return client;
        });
    }

    /** Called on the connection's push thread. */
    static void addListener(Consumer<DocumentEvent> listener) {
        LISTENERS.add(listener);
    }

    static void removeListener(Consumer<DocumentEvent> listener) {
        LISTENERS.remove(listener);
    }

    /** Called on the connection's push thread when a storage node comes up or goes down. */
    static void addNodeListener(Consumer<NodeInfo> listener) {
        NODE_LISTENERS.add(listener);
    }

    static void removeNodeListener(Consumer<NodeInfo> listener) {
        NODE_LISTENERS.remove(listener);
    }
}
