package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ignore.IgnoreRules;

/** The watcher of a pair: synced files wake the engine; of its state directory only the followed file does. */
class DirectoryWatcherTest {
    @TempDir
    Path root;

    @Test
    void thePauseMarkIsFollowedWithoutWakingTheSyncAndOtherStateFilesWakeNothing() throws Exception {
        Semaphore synced = new Semaphore(0);
        Semaphore marked = new Semaphore(0);
        Path state = root.resolve(LocalIndex.STATE_DIR);
        try (DirectoryWatcher watcher = new DirectoryWatcher(root, IgnoreRules.defaults(), path -> synced.release())) {
            watcher.followState(state, SyncEngine.PAUSED_MARK, marked::release);

            Files.writeString(state.resolve("index.json"), "{}"); // the index saved: no sync, no mark
            // a synced file, made after it: made empty, it is one event (a write would add a second one that could come
            // after the drain below and read as a wake by the mark)
            Files.createFile(root.resolve("a.txt"));
            assertTrue(synced.tryAcquire(30, TimeUnit.SECONDS), "a new file wakes the sync");
            assertEquals(0, marked.availablePermits(), "the index file is not the mark");

            synced.drainPermits();
            Files.createFile(state.resolve(SyncEngine.PAUSED_MARK)); // one event: made, nothing written
            assertTrue(marked.tryAcquire(30, TimeUnit.SECONDS), "the mark made is seen");
            Files.delete(state.resolve(SyncEngine.PAUSED_MARK));
            assertTrue(marked.tryAcquire(30, TimeUnit.SECONDS), "the mark removed is seen");
            assertEquals(0, synced.availablePermits(), "the mark does not wake the sync");
        }
    }
}
