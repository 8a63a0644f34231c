package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.syncline.sync.internal.ui.SyncPairs;

/** What the Sync Folders view's State column says while a pass runs. */
class SyncStateWordsTest {
    @Test
    void aPassThatHasMovedNothingYetSaysSyncingWithoutACount() {
        assertEquals("syncing", SyncPairs.syncing(0), "not 'syncing 0 files' while a rescan finds nothing");
        assertEquals("syncing 1 file", SyncPairs.syncing(1));
        assertEquals("syncing 12 files", SyncPairs.syncing(12));
    }
}
