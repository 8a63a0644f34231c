package org.syncline.documents.internal.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.documents.DocumentsMessages;
import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.server.api.ServerSettings;
import org.syncline.store.Migration;

/**
 * Documents: the registry (metadata in the server's database) in front of storage nodes (bytes in their
 * blob stores). A process with both roles and no {@code --join} has a built-in local node (the demo); a
 * registry-only process stores on nodes that joined it; a storage-only process must have joined a registry,
 * serves blobs to it alone and reports to it, and keeps no documents metadata of its own.
 */
public final class DocumentsCapability implements Capability {
    static final String REGISTRY = "registry";
    static final String STORAGE = "storage";

    @Override
    public String name() {
        return DocumentsMessages.CAPABILITY;
    }

    @Override
    public Set<String> roles() {
        return Set.of(REGISTRY, STORAGE);
    }

    @Override
    public List<Migration> migrations() {
        return DocumentsSchema.MIGRATIONS;
    }

    /** How long an orphan waits before the sweep purges it: {@code --set docs.orphan-grace=7d} (the default); 0 turns the sweep off. */
    static Duration orphanGrace(ServerSettings settings) {
        return settings.string("docs.orphan-grace").filter(v -> v.trim().equals("0")).isPresent() ? Duration.ZERO
                : settings.duration("docs.orphan-grace", DEFAULT_ORPHAN_GRACE);
    }

    static final Duration DEFAULT_ORPHAN_GRACE = Duration.ofDays(7);

    @Override
    public AutoCloseable start(ServerContext context) {
        Set<String> roles = context.server().roles();
        boolean joined = context.enrollment().membership().isPresent();
        ServerSettings settings = context.settings();
        String nodeName = DocumentFields.nodeName(settings.string("docs.node-name").orElse(context.server().hostName()));
        List<AutoCloseable> running = new ArrayList<>();
        if (roles.contains(REGISTRY)) {
            RegistryDatabase db = new DerbyRegistryDatabase(context.database());
            BlobLocks blobLocks = new BlobLocks();
            NameIndex names = new NameIndex();
            Thread.ofVirtual().name("docs-name-index").start(() -> {
                try {
                    long t0 = System.nanoTime();
                    db.inTransaction(c -> {
                        names.load(c);
                        return null;
                    });
                    context.log().info(() -> "Loaded the name index: " + names.size() + " documents in "
                            + (System.nanoTime() - t0) / 1_000_000 + " ms");
                } catch (SynclineException e) {
                    context.log().warning(() -> "Loading the name index failed; name searches scan the table: " + e.getMessage());
                }
            });
            Optional<LocalNode> local = roles.contains(STORAGE) && !joined ? Optional.of(new LocalNode(nodeName, context.blobs(),
                    context.directory().resolveSibling("blobs")))
                    : Optional.empty();
            StorageNodes nodes = new StorageNodes(db, local, context.directory(), context.enrollment(),
                    info -> context.endpoint().publish(DocumentsMessages.TOPIC, DocumentsMessages.NODE_EVENT, Json.tree(info)), blobLocks);
            new DocumentHandlers(context.endpoint(), new DocumentRegistry(db, nodes, blobLocks, names), context.users()).register();
            Duration grace = orphanGrace(settings);
            OrphanSweep sweep = new OrphanSweep(db, blobLocks, grace, nodes::sweepable, java.time.Clock.systemUTC());
            if (sweep.isOn()) {
                context.log().info(() -> "Orphans on joined storage nodes are purged automatically " + OrphanSweep.setting(grace)
                        + " after they were first seen (docs.orphan-grace; 0 turns this off)");
            }
            new NodeHandlers(context.endpoint(), nodes, sweep).register();
            // a check that throws must not end the schedule (a scheduled task that throws is never run again)
            ScheduledFuture<?> watch = context.scheduler().scheduleWithFixedDelay(() -> {
                try {
                    nodes.checkHeartbeats();
                } catch (RuntimeException e) {
                    context.log().log(java.util.logging.Level.WARNING, "Checking the storage nodes' heartbeats failed; the next check runs in a second", e);
                }
            }, 1, 1, TimeUnit.SECONDS);
            running.add(() -> watch.cancel(false));
            running.add(nodes);
            // the built-in node's inventory is its blob folder (DATA/blobs): reconciled at every start, as a node's at hello
            local.ifPresent(n -> Thread.ofVirtual().name("docs-reconcile").start(() -> {
                try {
                    nodes.reconcile(n.name());
                } catch (SynclineException e) {
                    context.log().warning(() -> "Reconciling the local node failed: " + e.getMessage());
                }
            }));
        }
        if (roles.contains(STORAGE) && joined) {
            BlobService blobs = new BlobService(context.directory().resolve("blobs"));
            blobs.register(context.endpoint());
            NodeReporter reporter = new NodeReporter(context.enrollment(), blobs, nodeName, settings.string("docs.node-host").orElse(""),
                    settings.longValue("docs.capacity", 0, 0, Long.MAX_VALUE), settings.duration("docs.heartbeat", Duration.ofSeconds(5)));
            reporter.start();
            running.add(reporter);
        } else if (roles.contains(STORAGE) && !roles.contains(REGISTRY)) {
            throw new SynclineException(ErrorCode.CONFIG, "A storage node without the registry role stores for a registry it joined: "
                    + "start it once with --join REGISTRY:PORT --token T (a token from 'syncline cli node token' on the registry).");
        }
        return () -> {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
        };
    }
}
