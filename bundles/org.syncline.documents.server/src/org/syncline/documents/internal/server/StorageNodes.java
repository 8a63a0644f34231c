package org.syncline.documents.internal.server;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.documents.NodeFile;
import org.syncline.documents.NodeFileList;
import org.syncline.documents.NodeInfo;
import org.syncline.server.api.Enrollment;

/**
 * The registry's storage nodes: the one built into this process when it also holds the storage role, and
 * the nodes that joined it, known from their hello and heartbeats. Chooses where new bytes go, marks a
 * node down after three missed heartbeats (new bytes go elsewhere; calls in flight to it are not cut), and runs the
 * blob deletions that waited for a node to return.
 */
final class StorageNodes implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StorageNodes.class.getName());
    private static final int MISSED_HEARTBEATS = 3;
    /** The most {@link #awake} advances per heartbeat check (due every second): a longer gap is time this process did not run. */
    private static final long MAX_STEP_NANOS = 2_000_000_000L;

    private final RegistryDatabase db;
    private final Optional<LocalNode> local;
    private final Path localBlobs;
    private final Enrollment enrollment;
    private final Consumer<NodeInfo> events;
    private final BlobLocks blobLocks;
    private final Map<String, RemoteNode> remote = new ConcurrentHashMap<>();
    /**
     * The joined nodes' rows as last committed, by name. This class is the only writer of the node table and puts
     * each row here after its commit, so choosing a node and asking whether one is up (several times per
     * registration) read no table and open no transaction.
     */
    private final Map<String, NodeTable.Row> rows = new ConcurrentHashMap<>();
    private volatile boolean rowsRead;
    /**
     * How long this process has run, as the heartbeat checks see it: the gap between two checks, at most
     * {@link #MAX_STEP_NANOS} each. A node's silence is measured on this clock, so a stall of the registry (stopped, or
     * starved of CPU on a busy machine, while the nodes' heartbeats wait unread in its sockets) does not count against them.
     */
    private final java.util.concurrent.atomic.AtomicLong awake = new java.util.concurrent.atomic.AtomicLong();
    private long lastCheckNanos;
    /** Where {@link #awake} stood when each joined node was last heard from: its hello, a heartbeat arriving, a call it answered. */
    private final Map<String, Long> heard = new ConcurrentHashMap<>();
    private final DeletionRuns deletionRuns = new DeletionRuns(this::runDeletions);

    StorageNodes(RegistryDatabase db, Optional<LocalNode> local, Path localBlobs, Enrollment enrollment, Consumer<NodeInfo> events, BlobLocks blobLocks) {
        this.db = db;
        this.local = local;
        this.localBlobs = localBlobs;
        this.enrollment = enrollment;
        this.events = events;
        this.blobLocks = blobLocks;
    }

    /** Every node, by name: the local one first. */
    List<NodeInfo> list() {
        return nodes(true);
    }

    /**
     * The nodes, with their document counts or (for choosing where bytes go, once per registration) without:
     * counting scans the documents table and waits for the registrations still committing.
     */
    private List<NodeInfo> nodes(boolean counted) {
        return db.inTransaction(c -> {
            List<NodeInfo> nodes = new ArrayList<>();
            if (local.isPresent()) {
                long[] space = localSpace();
                nodes.add(new NodeInfo(local.get().name(), "(this server)", NodeInfo.UP, space[0], space[1],
                        counted ? NodeTable.documents(c, local.get().name()) : 0, now(), true));
            }
            for (NodeTable.Row r : NodeTable.all(c)) {
                nodes.add(info(r, counted ? NodeTable.documents(c, r.name()) : 0));
            }
            return nodes;
        });
    }

    /** The node named {@code requested}, which must be up; or, when null, the up node with the most free space. */
    StorageNode choose(String requested) {
        List<NodeInfo> nodes = new ArrayList<>();
        if (local.isPresent()) {
            long[] space = localSpace();
            nodes.add(new NodeInfo(local.get().name(), "(this server)", NodeInfo.UP, space[0], space[1], 0, now(), true));
        }
        for (NodeTable.Row r : rows()) {
            nodes.add(info(r, 0));
        }
        if (requested != null) {
            NodeInfo n = nodes.stream().filter(i -> i.name().equals(requested)).findFirst().orElseThrow(() -> new SynclineException(
                    ErrorCode.NOT_FOUND, "There is no storage node '" + Names.printable(requested) + "'; 'docs nodes' lists them."));
            if (!n.isUp()) {
                throw new SynclineException(ErrorCode.CONNECTION_FAILED, "The storage node '" + n.name()
                        + "' is down; choose another node or leave the choice to the registry.");
            }
            return node(n.name());
        }
        NodeInfo best = nodes.stream().filter(NodeInfo::isUp).max(Comparator.comparingLong(NodeInfo::free)).orElseThrow(() ->
                new SynclineException(ErrorCode.CONNECTION_FAILED, "No storage node is up; start one (syncline server --roles storage "
                        + "--join ...) or wait until one is back."));
        return node(best.name());
    }

    /** The node that holds bytes named with {@code name} (in a document's version row). */
    StorageNode node(String name) {
        if (local.isPresent() && local.get().name().equals(name)) {
            return local.get();
        }
        RemoteNode known = remote.get(name);
        if (known != null) {
            return known;
        }
        NodeTable.Row r = db.inTransaction(c -> NodeTable.byName(c, name)).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                "The storage node '" + Names.printable(name) + "' that holds this content is not known to this registry."));
        return remote.computeIfAbsent(name, n -> new RemoteNode(n, r.memberId(), new HostPort(r.host(), r.port()), enrollment,
                () -> isUp(n), () -> answered(n)));
    }

    boolean isUp(String name) {
        if (local.isPresent() && local.get().name().equals(name)) {
            return true;
        }
        rows();
        NodeTable.Row r = rows.get(name);
        return r != null && NodeInfo.UP.equals(r.status());
    }

    /** The joined nodes' rows, read from the table the first time. */
    private java.util.Collection<NodeTable.Row> rows() {
        if (!rowsRead) {
            synchronized (rows) {
                if (!rowsRead) {
                    // a row committed meanwhile was put by its writer, newer than what this read: keep that one
                    db.inTransaction(c -> NodeTable.all(c)).forEach(r -> rows.putIfAbsent(r.name(), r));
                    rowsRead = true;
                }
            }
        }
        return rows.values();
    }

    /** A node (re)connected: records where it listens and its space, marks it up, then runs deletions that waited for it. */
    NodeInfo hello(String memberId, String name, HostPort address, long capacity, long free, int heartbeatSeconds) {
        if (local.isPresent() && local.get().name().equals(name)) {
            throw new SynclineException(ErrorCode.ALREADY_EXISTS, "The registry's own storage node is named '" + name
                    + "'; start the joining node with --set docs.node-name=OTHER.");
        }
        NodeInfo info = db.inTransaction(c -> {
            Optional<NodeTable.Row> taken = NodeTable.byName(c, name);
            if (taken.isPresent() && !taken.get().memberId().equals(memberId)) {
                throw new SynclineException(ErrorCode.ALREADY_EXISTS, "Another storage node is already named '" + name
                        + "'; start this one with --set docs.node-name=OTHER.");
            }
            Optional<NodeTable.Row> before = NodeTable.byMember(c, memberId);
            if (before.isPresent() && !before.get().name().equals(name)) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "This node joined as '" + before.get().name()
                        + "' and documents name it so; keep --set docs.node-name=" + before.get().name() + ".");
            }
            NodeTable.Row r = new NodeTable.Row(name, memberId, address.host(), address.port(), NodeInfo.UP, capacity, free,
                    heartbeatSeconds, now());
            NodeTable.upsert(c, r);
            return info(r, NodeTable.documents(c, name));
        });
        rows.put(name, new NodeTable.Row(name, memberId, address.host(), address.port(), NodeInfo.UP, capacity, free, heartbeatSeconds,
                info.lastHeartbeat()));
        heard.put(name, awake.get());
        RemoteNode link = remote.get(name);
        if (link != null) {
            link.moved(address);
        }
        LOG.info(() -> "Storage node '" + name + "' is up at " + address);
        events.accept(info);
        return info;
    }

    /** A joined node's heartbeat: its space, and up again if it was down. Returns the node's name. */
    String heartbeat(String memberId, long capacity, long free) {
        // heard now, even when committing the row waits behind a busy registry's registrations
        rows().stream().filter(r -> r.memberId().equals(memberId)).findFirst().ifPresent(r -> heard.put(r.name(), awake.get()));
        NodeTable.Row[] written = new NodeTable.Row[1];
        Optional<NodeInfo> cameBack = db.inTransaction(c -> {
            NodeTable.Row r = NodeTable.byMember(c, memberId).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                    "This node has not said hello yet."));
            NodeTable.Row now = new NodeTable.Row(r.name(), memberId, r.host(), r.port(), NodeInfo.UP, capacity, free, r.heartbeatSeconds(), now());
            NodeTable.upsert(c, now);
            written[0] = now;
            return NodeInfo.DOWN.equals(r.status()) ? Optional.of(info(now, NodeTable.documents(c, r.name()))) : Optional.<NodeInfo>empty();
        });
        rows.put(written[0].name(), written[0]);
        cameBack.ifPresent(events);
        return written[0].name();
    }

    /** The node by that name when the orphan sweep may work on it now: a joined node that is up (never the built-in one). */
    Optional<StorageNode> sweepable(String name) {
        if (local.isPresent() && local.get().name().equals(name) || !isUp(name)) {
            return Optional.empty();
        }
        return Optional.of(node(name));
    }

    /**
     * A joined node answered a call: as good as a heartbeat. One marked down while it was only slow (stopped or starved for
     * longer than three heartbeats, with a registration batch in flight) is up again before that batch's answer goes back,
     * so the client's next batch finds it up.
     */
    private void answered(String name) {
        heard.put(name, awake.get());
        NodeTable.Row r = rows.get(name);
        if (r == null || NodeInfo.UP.equals(r.status())) {
            return;
        }
        synchronized (heard) {
            NodeTable.Row before = rows.get(name);
            if (before == null || NodeInfo.UP.equals(before.status())) {
                return;
            }
            NodeTable.Row up = new NodeTable.Row(before.name(), before.memberId(), before.host(), before.port(), NodeInfo.UP, before.capacity(),
                    before.free(), before.heartbeatSeconds(), now());
            NodeInfo info = db.inTransaction(c -> {
                NodeTable.upsert(c, up);
                return info(up, NodeTable.documents(c, name));
            });
            rows.put(name, up);
            LOG.info(() -> "Storage node '" + name + "' answered again; it is marked up");
            events.accept(info);
        }
    }

    /**
     * Marks down every node not heard from for three heartbeats of the time this process ran ({@link #awake}); each change
     * is pushed. A node not heard from since this process started is judged by its row's last heartbeat.
     */
    void checkHeartbeats() {
        long tick = System.nanoTime();
        if (lastCheckNanos != 0) {
            long gap = tick - lastCheckNanos;
            awake.addAndGet(Math.min(gap, MAX_STEP_NANOS));
            if (gap > 2 * MAX_STEP_NANOS) {
                LOG.info(() -> "The heartbeat check ran " + gap / 1_000_000 + " ms after the one before (this process did not run, or was "
                        + "starved); that time does not count against the storage nodes");
            }
        }
        lastCheckNanos = tick;
        long ran = awake.get();
        Instant now = now();
        List<NodeInfo> wentDown = db.inTransaction(c -> {
            List<NodeInfo> down = new ArrayList<>();
            for (NodeTable.Row r : NodeTable.all(c)) {
                Duration allowed = Duration.ofSeconds((long) r.heartbeatSeconds() * MISSED_HEARTBEATS);
                Long at = heard.get(r.name());
                boolean silent = at != null ? ran - at > allowed.toNanos() : r.lastHeartbeat().plus(allowed).isBefore(now);
                if (NodeInfo.UP.equals(r.status()) && silent) {
                    NodeTable.status(c, r.name(), NodeInfo.DOWN);
                    down.add(info(new NodeTable.Row(r.name(), r.memberId(), r.host(), r.port(), NodeInfo.DOWN, r.capacity(), r.free(),
                            r.heartbeatSeconds(), r.lastHeartbeat()), NodeTable.documents(c, r.name())));
                }
            }
            return down;
        });
        for (NodeInfo n : wentDown) {
            // unless a heartbeat came (and was committed and put) after this check read the row
            rows.computeIfPresent(n.name(), (k, r) -> !r.lastHeartbeat().equals(n.lastHeartbeat()) ? r : new NodeTable.Row(r.name(),
                    r.memberId(), r.host(), r.port(), NodeInfo.DOWN, r.capacity(), r.free(), r.heartbeatSeconds(), r.lastHeartbeat()));
            LOG.warning(() -> "Storage node '" + n.name() + "' missed " + MISSED_HEARTBEATS + " heartbeats; it is marked down");
            RemoteNode link = remote.get(n.name());
            if (link != null) {
                link.closeIfIdle();
            }
            events.accept(n);
        }
    }

    /**
     * Starts a run of the blob deletions queued for {@code nodeName} (see {@link DeletionRuns}); the future completes when a
     * run that began after this call has ended, however it ended.
     */
    java.util.concurrent.CompletableFuture<Void> deleteQueued(String nodeName) {
        return deletionRuns.request(nodeName);
    }

    /**
     * Deletes the blobs queued for {@code node} that no version needs any more; stops at the first failure
     * (the node went away again) and leaves the rest queued for its next return.
     */
    private void runDeletions(String nodeName) {
        if (!isUp(nodeName)) {
            return;
        }
        StorageNode node = node(nodeName);
        for (String sha : db.inTransaction(c -> NodeTable.queuedDeletions(c, nodeName))) {
            boolean done = blobLocks.forBlob(nodeName, sha, () -> {
                try {
                    if (!db.inTransaction(c -> VersionTable.isReferencedOn(c, sha, nodeName))) {
                        blobLocks.delete(node, sha);
                    }
                    db.inTransaction(c -> {
                        NodeTable.unqueueDeletion(c, nodeName, sha);
                        if (!VersionTable.isReferencedOn(c, sha, nodeName)) {
                            InventoryTable.remove(c, nodeName, sha);
                        }
                        return null;
                    });
                    return true;
                } catch (SynclineException e) {
                    LOG.info(() -> "Deleting blob " + sha + " on '" + nodeName + "' waits: " + e.getMessage());
                    return false;
                }
            });
            if (!done) {
                return;
            }
        }
    }

    /**
     * Takes the node's inventory as it streams in and reconciles: versions whose bytes it lacks become missing
     * (and are no longer once the bytes are back), files no version refers to are its orphans. Runs when a node
     * says hello, after the deletions that waited for it, and for the local node at start.
     */
    void reconcile(String nodeName) {
        StorageNode node = node(nodeName);
        blobLocks.exclusively(() -> {
            int missing = db.inTransaction(c -> {
                InventoryTable.clear(c, nodeName);
                // the built-in node shares DATA/blobs with other capabilities: only documents' blobs are its inventory
                boolean shared = node instanceof LocalNode;
                node.inventory((sha, size) -> {
                    try {
                        if (!shared || VersionTable.isReferencedOn(c, sha, nodeName)) {
                            InventoryTable.add(c, nodeName, sha, size);
                        }
                    } catch (java.sql.SQLException e) {
                        throw new SynclineException(ErrorCode.STORAGE, "Recording the inventory of '" + nodeName + "' failed: " + e.getMessage(), e);
                    }
                });
                int marked = InventoryTable.markMissing(c, nodeName);
                // first sightings of orphans survive the rebuilt inventory: the sweep's grace runs from them
                OrphanTable.record(c, nodeName, now());
                return marked;
            });
            long orphans = db.inTransaction(c -> InventoryTable.count(c, nodeName, true));
            LOG.info(() -> "Reconciled storage node '" + nodeName + "': " + missing + " version(s) missing, " + orphans + " orphan file(s)");
            return null;
        });
    }

    /**
     * The node's inventory, or its orphans. Blobs a registration stored and has not committed yet (see
     * {@link BlobLocks#committing}) have no version for that moment; they are not listed or counted as orphans.
     */
    NodeFileList files(String nodeName, boolean orphansOnly, int limit) {
        requireKnown(nodeName);
        NodeFileList all = db.inTransaction(c -> new NodeFileList(InventoryTable.list(c, nodeName, orphansOnly, limit),
                InventoryTable.count(c, nodeName, orphansOnly), Map.of()));
        if (!orphansOnly) {
            return all;
        }
        List<NodeFile> settled = all.files().stream().filter(f -> !blobLocks.isCommitting(nodeName, f.sha256())).toList();
        return new NodeFileList(settled, all.total() - (all.files().size() - settled.size()), Map.of());
    }

    /** The orphan with that hash on that node; NOT_FOUND or ALREADY_EXISTS (a document uses it) otherwise. */
    NodeFile orphan(java.sql.Connection c, String nodeName, String sha) throws java.sql.SQLException {
        NodeFile f = InventoryTable.find(c, nodeName, sha).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "The storage node '"
                + nodeName + "' has no file " + Names.printable(sha) + " in its inventory; 'docs node orphans " + nodeName + "' lists its orphans."));
        if (f.references() > 0) {
            throw new SynclineException(ErrorCode.ALREADY_EXISTS, "The file " + sha + " on '" + nodeName + "' belongs to a document; it is not an orphan.");
        }
        if (blobLocks.isCommitting(nodeName, sha)) {
            throw new SynclineException(ErrorCode.ALREADY_EXISTS, "The file " + sha + " on '" + nodeName
                    + "' is being registered right now; it is not an orphan.");
        }
        return f;
    }

    /** Deletes an orphan from its node, which must be up. */
    void purge(String nodeName, String sha) {
        requireKnown(nodeName);
        StorageNode node = node(nodeName);
        if (!isUp(nodeName)) {
            throw new SynclineException(ErrorCode.CONNECTION_FAILED, "The storage node '" + nodeName + "' is down; purge when it is back.");
        }
        blobLocks.forBlob(nodeName, sha, () -> {
            db.inTransaction(c -> orphan(c, nodeName, sha));
            blobLocks.delete(node, sha);
            return db.inTransaction(c -> {
                InventoryTable.remove(c, nodeName, sha);
                return null;
            });
        });
    }

    private void requireKnown(String nodeName) {
        if (list().stream().noneMatch(n -> n.name().equals(nodeName))) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "There is no storage node '" + Names.printable(nodeName) + "'; 'docs nodes' lists them.");
        }
    }

    private long[] localSpace() {
        try {
            FileStore store = Files.getFileStore(localBlobs);
            return new long[] {store.getTotalSpace(), store.getUsableSpace()};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    private static NodeInfo info(NodeTable.Row r, long documents) {
        return new NodeInfo(r.name(), new HostPort(r.host(), r.port()).toString(), r.status(), r.capacity(), r.free(), documents,
                r.lastHeartbeat(), false);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        remote.values().forEach(RemoteNode::close);
    }
}
