package org.syncline.documents.internal.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

import org.syncline.core.SynclineException;
import org.syncline.documents.NodeFile;
import org.syncline.documents.NodeFileList;

/**
 * Purges orphans by itself: a file on a storage node that no document refers to, first seen in the node's
 * inventory at least {@code docs.orphan-grace} ago (default 7 days, 0 turns the sweep off) and still an orphan
 * when the node next reports (its heartbeat), is deleted from the node, logged and counted. Never touched: a
 * file a version refers to, one adopted meanwhile, one a queued deletion is about to remove, and one a
 * registration has stored and not yet committed ({@link BlobLocks#isCommitting}); each is asked again under the
 * blob's lock right before its deletion, so a registration of the same bytes either commits first (and the file
 * is no orphan) or learns of the deletion and says so ({@link BlobLocks#deletions}). The registry's own node is
 * never swept: its folder is shared with other capabilities.
 */
final class OrphanSweep {
    private static final Logger LOG = Logger.getLogger(OrphanSweep.class.getName());
    /** Files purged per pass at most; the rest go at the node's next report. */
    private static final int PER_PASS = 1000;

    private final RegistryDatabase db;
    private final BlobLocks blobLocks;
    private final Duration grace;
    /** The node to sweep by that name, when it is one to sweep now (a joined node that is up). */
    private final Function<String, Optional<StorageNode>> sweepable;
    private final Clock clock;
    private final Map<String, Instant> lastPass = new ConcurrentHashMap<>();
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private final AtomicLong purged = new AtomicLong();

    OrphanSweep(RegistryDatabase db, BlobLocks blobLocks, Duration grace, Function<String, Optional<StorageNode>> sweepable, Clock clock) {
        this.db = db;
        this.blobLocks = blobLocks;
        this.grace = grace;
        this.sweepable = sweepable;
        this.clock = clock;
    }

    boolean isOn() {
        return !grace.isZero();
    }

    /** How many files the sweep has purged since the registry started. */
    long purged() {
        return purged.get();
    }

    /**
     * A node reported (a heartbeat): sweeps it on a thread of its own, at most one pass per node at a time and one
     * per {@link #interval()}, so the heartbeat's answer does not wait for deletions.
     */
    void reported(String node) {
        if (!isOn()) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastPass.get(node);
        if (last != null && last.plus(interval()).isAfter(now) || running.putIfAbsent(node, Boolean.TRUE) != null) {
            return;
        }
        lastPass.put(node, now);
        Thread.ofVirtual().name("docs-orphan-sweep").start(() -> {
            try {
                pass(node);
            } catch (SynclineException e) {
                LOG.info(() -> "The orphan sweep of '" + node + "' stopped (" + e.getMessage() + "); it goes on at the node's next report");
            } finally {
                running.remove(node);
            }
        });
    }

    /** A tenth of the grace period, from one second to one minute: often enough that an orphan goes soon after it is due. */
    Duration interval() {
        Duration tenth = grace.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : tenth;
    }

    /** One pass over the node: purges its due orphans; returns how many it purged. Stops at the first failing deletion. */
    int pass(String node) {
        Optional<StorageNode> target = sweepable.apply(node);
        if (!isOn() || target.isEmpty()) {
            return 0;
        }
        Instant seenBy = clock.instant().minus(grace).truncatedTo(ChronoUnit.MILLIS);
        List<OrphanTable.Due> due = db.inTransaction(c -> {
            OrphanTable.prune(c, node);
            return OrphanTable.due(c, node, seenBy, PER_PASS);
        });
        int n = 0;
        for (OrphanTable.Due d : due) {
            boolean gone = blobLocks.forBlob(node, d.sha256(), () -> {
                if (blobLocks.isCommitting(node, d.sha256()) || !db.inTransaction(c -> OrphanTable.isDue(c, node, d.sha256(), seenBy))) {
                    return false;
                }
                blobLocks.delete(target.get(), d.sha256());
                db.inTransaction(c -> {
                    InventoryTable.remove(c, node, d.sha256());
                    return null;
                });
                return true;
            });
            if (gone) {
                n++;
                long total = purged.incrementAndGet();
                LOG.info(() -> "Purged orphan " + d.sha256() + " (" + d.size() + " bytes) from storage node '" + node
                        + "': no document has used it since " + d.seen() + " (docs.orphan-grace " + setting(grace) + "); " + total
                        + " orphan(s) purged automatically since start");
            }
        }
        return n;
    }

    /**
     * The list with, for each orphan in it the sweep will purge, when: its first sighting plus the grace period (the
     * registry's own node has no orphans: only documents' blobs of its shared folder are its inventory).
     */
    NodeFileList withPurgeDates(String node, NodeFileList list) {
        List<String> orphans = list.files().stream().filter(f -> f.references() == 0).map(NodeFile::sha256).toList();
        if (!isOn() || orphans.isEmpty()) {
            return list;
        }
        Map<String, Instant> seen = db.inTransaction(c -> OrphanTable.seen(c, node, orphans));
        Map<String, Instant> after = new java.util.TreeMap<>();
        seen.forEach((sha, at) -> after.put(sha, at.plus(grace)));
        return new NodeFileList(list.files(), list.total(), after);
    }

    /** A grace period as it is written in the setting: {@code 7d}, {@code 12h}, {@code 15m} or {@code 45s}. */
    static String setting(Duration d) {
        long s = d.toSeconds();
        return s % 86_400 == 0 ? s / 86_400 + "d" : s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
