package org.syncline.documents.internal.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a blob from becoming referenced while it is being deleted as unreferenced, and the other way round,
 * without one registry-wide lock: work on one blob (node + SHA-256) holds that blob's stripe, so
 * registrations and deletions of different content run in parallel, each with its network calls to the
 * node. Reconciling a node's whole inventory excludes all blob work for its duration.
 */
final class BlobLocks {
    private static final int STRIPES = 256;

    private final ReadWriteLock inventory = new ReentrantReadWriteLock();
    private final Lock[] stripes = new Lock[STRIPES];
    /** How many blobs were deleted from nodes: a registration during which none was needs no "is it still there?" call. */
    private final AtomicLong deletions = new AtomicLong();
    /** Blobs stored for registrations not yet committed ("node/sha256"), with how many registrations each. */
    private final java.util.Map<String, Integer> committing = new java.util.concurrent.ConcurrentHashMap<>();

    BlobLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} while no other work on the same blob and no reconciliation runs. */
    <T> T forBlob(String node, String sha256, Supplier<T> work) {
        Lock stripe = stripes[stripe(node, sha256)];
        inventory.readLock().lock();
        try {
            stripe.lock();
            try {
                return work.get();
            } finally {
                stripe.unlock();
            }
        } finally {
            inventory.readLock().unlock();
        }
    }

    /**
     * As {@link #forBlob}, holding every one of the blobs' stripes (taken in one order, so two batches never wait on
     * each other): a batch commits all its blobs' references at once.
     */
    <T> T forBlobs(String node, java.util.Collection<String> sha256s, Supplier<T> work) {
        java.util.SortedSet<Integer> held = new java.util.TreeSet<>();
        sha256s.forEach(sha -> held.add(stripe(node, sha)));
        inventory.readLock().lock();
        java.util.List<Lock> locked = new java.util.ArrayList<>();
        try {
            for (int i : held) {
                stripes[i].lock();
                locked.add(stripes[i]);
            }
            return work.get();
        } finally {
            locked.forEach(Lock::unlock);
            inventory.readLock().unlock();
        }
    }

    /**
     * Marks blobs a registration has stored on a node and not yet committed a version for, until {@link #committed}:
     * the automatic orphan sweep leaves them alone (a marked blob may look like an orphan for that moment).
     */
    void committing(String node, java.util.Collection<String> sha256s) {
        sha256s.forEach(sha -> committing.merge(node + '/' + sha, 1, Integer::sum));
    }

    /** Ends {@link #committing} for these blobs, whether their registration committed or failed. */
    void committed(String node, java.util.Collection<String> sha256s) {
        sha256s.forEach(sha -> committing.computeIfPresent(node + '/' + sha, (k, n) -> n == 1 ? null : n - 1));
    }

    /** Whether a registration has stored this blob and not yet committed (see {@link #committing}). */
    boolean isCommitting(String node, String sha256) {
        return committing.containsKey(node + '/' + sha256);
    }

    /** A count that changes when a deletion through {@link #delete} starts and when it ends. */
    long deletions() {
        return deletions.get();
    }

    /**
     * Deletes a blob from its node (call it inside {@link #forBlob}); counted before and after, so a registration
     * that read the count before storing the same bytes learns of a deletion that ran at any time since.
     */
    void delete(StorageNode node, String sha256) {
        deletions.incrementAndGet();
        try {
            node.delete(sha256);
        } finally {
            deletions.incrementAndGet();
        }
    }

    private static int stripe(String node, String sha256) {
        return Math.floorMod(31 * node.hashCode() + sha256.hashCode(), STRIPES);
    }

    /** Runs {@code work} while no blob work runs anywhere (a node's inventory is being taken). */
    <T> T exclusively(Supplier<T> work) {
        inventory.writeLock().lock();
        try {
            return work.get();
        } finally {
            inventory.writeLock().unlock();
        }
    }
}
