package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.syncline.sync.ChangePage;
import org.syncline.sync.FileChange;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.internal.server.FolderTable.FolderRow;

/**
 * A client that follows the hub's change pages by their cursor must see every committed revision, also when
 * it asks while a commit is running (each commit pushes to the other clients, which ask at once).
 */
class ChangePageTest extends WithDerbyHub {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    /**
     * The interleaving of the reliability test's seed 47334906793840: a commit changes f2 then f3 (f3's row
     * comes first in the table); a client asks for changes after f2 is written and before f3 is. Before the
     * fix the page carried f2's new revision and a cursor past f3's, and f3 never reached that client.
     */
    @Test
    void aPageReadDuringACommitNeverCarriesACursorPastAFileItMissed() throws Exception {
        hub.commit(ann, "shared", List.of(FileChange.put("f3.bin", 0, 0, A, List.of())));
        hub.commit(ann, "shared", List.of(FileChange.put("f2.bin", 0, 0, A, List.of())));
        long cursor = hub.changesSince(ann, "shared", 0).cursor();

        CountDownLatch f2Written = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        // own threads: the common pool may have one thread, which the commit holds
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> db.inTransaction(c -> {
            FolderRow folder = FolderTable.find(c, "shared").orElseThrow();
            Commit running = new Commit(c, folder, "ben", SyncHub.nextSeq(c), SyncHub.now(), (cc, sha) -> { });
            running.apply(FileChange.put("f2.bin", 1, 0, B, List.of()));
            f2Written.countDown();
            try {
                goOn.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            running.apply(FileChange.put("f3.bin", 1, 0, B, List.of()));
            return null;
        }), threads);
        assertEquals(true, f2Written.await(30, TimeUnit.SECONDS));
        CompletableFuture<ChangePage> asked = CompletableFuture.supplyAsync(() -> hub.changesSince(ann, "shared", cursor), threads);
        awaitALockWait(asked);
        goOn.countDown();
        commit.get(60, TimeUnit.SECONDS);
        threads.shutdown();

        Map<String, Long> seen = new TreeMap<>();
        ChangePage page = asked.get(60, TimeUnit.SECONDS);
        while (true) {
            for (RemoteFile f : page.files()) {
                seen.put(f.path(), f.revision());
            }
            if (!page.more()) {
                break;
            }
            page = hub.changesSince(ann, "shared", page.cursor());
        }
        // what the cursor has passed, plus what the next ask brings
        ChangePage after = hub.changesSince(ann, "shared", page.cursor());
        after.files().forEach(f -> seen.put(f.path(), f.revision()));
        assertEquals(Map.of("f2.bin", 2L, "f3.bin", 2L), seen, "both files of the commit, at their new revision");
    }

    /** Waits until the reading transaction waits for a lock the running commit holds. */
    private void awaitALockWait(CompletableFuture<ChangePage> asked) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (asked.isDone()) {
                return; // answered without waiting: the assertions below judge the answer
            }
            long waiting = db.inTransaction(c -> Sql.number(c, "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'"));
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the page request never waited for the running commit");
    }
}
