package org.syncline.documents.internal.server;

import java.util.List;
import java.util.Set;

import org.syncline.documents.DocumentsMessages;
import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.store.Migration;

/**
 * Documents: the registry (metadata in the server's database) and the storage node (bytes in its blob
 * store). This release runs both in one process, so the node is this host; storage nodes that join a
 * registry from other machines come next, with their own tables.
 */
public final class DocumentsCapability implements Capability {
    @Override
    public String name() {
        return DocumentsMessages.CAPABILITY;
    }

    @Override
    public Set<String> roles() {
        return Set.of("registry", "storage");
    }

    @Override
    public List<Migration> migrations() {
        return DocumentsSchema.MIGRATIONS;
    }

    @Override
    public AutoCloseable start(ServerContext context) {
        DocumentRegistry registry = new DocumentRegistry(context.database(), context.blobs(), context.server().hostName());
        new DocumentHandlers(context.endpoint(), registry, context.users()).register();
        return () -> {
            // handlers go with the endpoint; nothing else runs
        };
    }
}
