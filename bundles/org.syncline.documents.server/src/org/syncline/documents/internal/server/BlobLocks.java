package org.syncline.documents.internal.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a blob from becoming referenced while it is being deleted as unreferenced, and the other way round,
 * without one registry-wide lock: work on one blob (node + SHA-256) holds that blob's own lock, so
 * registrations and deletions of different content run in parallel, each with its network calls to the
 * node. Reconciling a node's whole inventory excludes all blob work for its duration.
 * <p>
 * A lock per blob, not per stripe of a fixed set: a batch holds all its blobs while it commits, and 100 blobs
 * covered about a third of 256 stripes, so any two batches shared a stripe and their commits (each with its log
 * force) ran one after the other. A blob's lock exists only while someone holds it.
 */
final class BlobLocks {
    private final ReadWriteLock inventory = new ReentrantReadWriteLock();
    /** The blobs being worked on ("node/sha256"), each with the lock of the thread that works on it. */
    private final java.util.concurrent.ConcurrentHashMap<String, ReentrantLock> held = new java.util.concurrent.ConcurrentHashMap<>();
    /** How many blobs were deleted from nodes: a registration during which none was needs no "is it still there?" call. */
    private final AtomicLong deletions = new AtomicLong();
    /** Blobs stored for registrations not yet committed ("node/sha256"), with how many registrations each. */
    private final java.util.Map<String, Integer> committing = new java.util.concurrent.ConcurrentHashMap<>();

    /** Runs {@code work} while no other work on the same blob and no reconciliation runs. */
    <T> T forBlob(String node, String sha256, Supplier<T> work) {
        String key = key(node, sha256);
        inventory.readLock().lock();
        try {
            lock(key);
            try {
                return work.get();
            } finally {
                unlock(key);
            }
        } finally {
            inventory.readLock().unlock();
        }
    }

    /**
     * As {@link #forBlob}, holding every one of the blobs (taken in one order, so two batches never wait on each other
     * in a circle): a batch commits all its blobs' references at once.
     */
    <T> T forBlobs(String node, java.util.Collection<String> sha256s, Supplier<T> work) {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        sha256s.forEach(sha -> keys.add(key(node, sha)));
        inventory.readLock().lock();
        java.util.List<String> locked = new java.util.ArrayList<>();
        try {
            for (String key : keys) {
                lock(key);
                locked.add(key);
            }
            return work.get();
        } finally {
            locked.forEach(this::unlock);
            inventory.readLock().unlock();
        }
    }

    /** Takes the blob's lock, waiting while another thread holds it; again (counted) when this thread holds it already. */
    private void lock(String key) {
        ReentrantLock mine = new ReentrantLock();
        mine.lock();
        while (true) {
            ReentrantLock current = held.putIfAbsent(key, mine);
            if (current == null) {
                return;
            }
            if (current.isHeldByCurrentThread()) {
                mine.unlock();
                current.lock();
                return;
            }
            // wait for the holder to finish (it removes its lock from the map before releasing it), then try again
            current.lock();
            current.unlock();
        }
    }

    private void unlock(String key) {
        ReentrantLock l = held.get(key);
        if (l.getHoldCount() == 1) {
            held.remove(key);
        }
        l.unlock();
    }

    private static String key(String node, String sha256) {
        return node + '/' + sha256;
    }

    /**
     * Marks blobs a registration has stored on a node and not yet committed a version for, until {@link #committed}:
     * the automatic orphan sweep leaves them alone (a marked blob may look like an orphan for that moment).
     */
    void committing(String node, java.util.Collection<String> sha256s) {
        sha256s.forEach(sha -> committing.merge(key(node, sha), 1, Integer::sum));
    }

    /** Ends {@link #committing} for these blobs, whether their registration committed or failed. */
    void committed(String node, java.util.Collection<String> sha256s) {
        sha256s.forEach(sha -> committing.computeIfPresent(key(node, sha), (k, n) -> n == 1 ? null : n - 1));
    }

    /** Whether a registration has stored this blob and not yet committed (see {@link #committing}). */
    boolean isCommitting(String node, String sha256) {
        return committing.containsKey(key(node, sha256));
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
