package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjLongConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** Per-blob exclusion: the same blob one at a time, different blobs together, an inventory alone. */
class BlobLocksTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "0123456789abcdef".repeat(4);

    private final BlobLocks locks = new BlobLocks();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void workOnTheSameBlobRunsOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable work = () -> locks.forBlob("n1", SHA_A, () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            sleep(2);
            inside.decrementAndGet();
            return null;
        });
        Future<?>[] all = new Future<?>[8];
        for (int i = 0; i < all.length; i++) {
            all[i] = pool.submit(() -> {
                for (int k = 0; k < 20; k++) {
                    work.run();
                }
            });
        }
        for (Future<?> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, most.get());
    }

    @Test
    void workOnDifferentBlobsRunsTogether() throws Exception {
        assertInsideTogether(work -> locks.forBlob("n1", SHA_A, work), work -> locks.forBlob("n1", SHA_B, work));
    }

    @Test
    void batchesOfDifferentBlobsCommitTogether() throws Exception {
        // two batches of 100 blobs each, none shared: both must be inside at once to pass the barrier (with 256 lock
        // stripes, 100 blobs covered about a third of them and any two batches waited on each other)
        java.util.List<String> first = new java.util.ArrayList<>();
        java.util.List<String> second = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            first.add(String.format("%064x", 2 * i));
            second.add(String.format("%064x", 2 * i + 1));
        }
        assertInsideTogether(work -> locks.forBlobs("n1", first, work), work -> locks.forBlobs("n1", second, work));
    }

    @Test
    void batchesSharingABlobCommitOneAtATimeAndMayTakeTheirBlobsAgain() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Future<?>[] all = new Future<?>[6];
        for (int t = 0; t < all.length; t++) {
            // each batch: the shared blob and blobs of its own, in a different order each
            java.util.List<String> shas = new java.util.ArrayList<>(java.util.List.of(SHA_A, String.format("%064x", 1000 + t), String.format("%064x", 2000 + t)));
            java.util.Collections.rotate(shas, t);
            all[t] = pool.submit(() -> {
                for (int k = 0; k < 20; k++) {
                    locks.forBlobs("n1", shas, () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        // a refused batch removes its blobs again under the same locks: taken again, not waited for
                        locks.forBlobs("n1", shas, () -> locks.forBlob("n1", SHA_A, () -> null));
                        sleep(1);
                        inside.decrementAndGet();
                        return null;
                    });
                }
            });
        }
        for (Future<?> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, most.get());
        assertEquals("ok", pool.submit(() -> locks.forBlob("n1", SHA_A, () -> "ok")).get(30, TimeUnit.SECONDS), "the shared blob was given back");
    }

    @Test
    void theSameContentOnTwoNodesIsTwoBlobs() throws Exception {
        assertInsideTogether(work -> locks.forBlob("n1", SHA_A, work), work -> locks.forBlob("n2", SHA_A, work));
    }

    @Test
    void anInventoryWaitsForBlobWorkAndBlobWorkWaitsForAnInventory() throws Exception {
        CountDownLatch inBlob = new CountDownLatch(1);
        CountDownLatch releaseBlob = new CountDownLatch(1);
        AtomicBoolean blobDone = new AtomicBoolean();
        Future<?> blob = pool.submit(() -> locks.forBlob("n1", SHA_A, () -> {
            inBlob.countDown();
            awaitLatch(releaseBlob);
            blobDone.set(true);
            return null;
        }));
        assertTrue(inBlob.await(30, TimeUnit.SECONDS));
        Future<Boolean> inventory = pool.submit(() -> locks.exclusively(blobDone::get));
        sleep(100);
        assertFalse(inventory.isDone(), "the inventory waits while a blob is worked on");
        releaseBlob.countDown();
        assertTrue(inventory.get(30, TimeUnit.SECONDS), "and runs only after that work ended");
        blob.get(30, TimeUnit.SECONDS);

        CountDownLatch inInventory = new CountDownLatch(1);
        CountDownLatch releaseInventory = new CountDownLatch(1);
        AtomicBoolean inventoryDone = new AtomicBoolean();
        Future<?> second = pool.submit(() -> locks.exclusively(() -> {
            inInventory.countDown();
            awaitLatch(releaseInventory);
            inventoryDone.set(true);
            return null;
        }));
        assertTrue(inInventory.await(30, TimeUnit.SECONDS));
        Future<Boolean> work = pool.submit(() -> locks.forBlob("n1", SHA_B, inventoryDone::get));
        sleep(100);
        assertFalse(work.isDone(), "blob work waits while an inventory is taken");
        releaseInventory.countDown();
        assertTrue(work.get(30, TimeUnit.SECONDS));
        second.get(30, TimeUnit.SECONDS);
    }

    @Test
    void workThatFailsReleasesItsBlob() throws Exception {
        assertThrows(IllegalStateException.class, () -> locks.forBlob("n1", SHA_A, () -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("ok", pool.submit(() -> locks.forBlob("n1", SHA_A, () -> "ok")).get(30, TimeUnit.SECONDS));
        assertEquals("ok", pool.submit(() -> locks.exclusively(() -> "ok")).get(30, TimeUnit.SECONDS));
    }

    @Test
    void aDeletionChangesTheCountBeforeAndAfterEvenWhenTheNodeFails() {
        long before = locks.deletions();
        RecordingNode node = new RecordingNode(false);
        locks.forBlob("n1", SHA_A, () -> {
            locks.delete(node, SHA_A);
            return null;
        });
        assertEquals(SHA_A, node.deleted);
        assertEquals(before + 2, locks.deletions());
        assertEquals(before + 1, node.countWhileDeleting, "a registration reading the count during the deletion sees it changed");

        RecordingNode failing = new RecordingNode(true);
        assertThrows(SynclineException.class, () -> locks.delete(failing, SHA_B));
        assertEquals(before + 4, locks.deletions(), "a failed deletion may still have removed the bytes: it counts");
    }

    private final class RecordingNode implements StorageNode {
        private final boolean fail;
        String deleted;
        long countWhileDeleting;

        RecordingNode(boolean fail) {
            this.fail = fail;
        }

        @Override
        public String name() {
            return "n1";
        }

        @Override
        public StoredBlob store(InputStream content) {
            throw new AssertionError("not used");
        }

        @Override
        public java.util.List<StoredBlob> storeAll(java.util.List<Long> sizes, InputStream content) {
            throw new AssertionError("not used");
        }

        @Override
        public void read(String sha256, OutputStream out) {
            throw new AssertionError("not used");
        }

        @Override
        public boolean exists(String sha256) {
            throw new AssertionError("not used");
        }

        @Override
        public void delete(String sha256) {
            countWhileDeleting = locks.deletions();
            if (fail) {
                throw new SynclineException(ErrorCode.STORAGE, "Storage node 'n1' is offline.");
            }
            deleted = sha256;
        }

        @Override
        public void inventory(ObjLongConsumer<String> each) {
            throw new AssertionError("not used");
        }
    }

    /** Both pieces of work must be inside their locks at once to pass the barrier; a shared lock would time it out. */
    private void assertInsideTogether(java.util.function.Function<java.util.function.Supplier<Boolean>, Boolean> first,
            java.util.function.Function<java.util.function.Supplier<Boolean>, Boolean> second) throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        Future<Boolean> a = pool.submit(() -> first.apply(() -> await(both)));
        Future<Boolean> b = pool.submit(() -> second.apply(() -> await(both)));
        assertTrue(a.get(30, TimeUnit.SECONDS));
        assertTrue(b.get(30, TimeUnit.SECONDS));
    }

    private static boolean await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
