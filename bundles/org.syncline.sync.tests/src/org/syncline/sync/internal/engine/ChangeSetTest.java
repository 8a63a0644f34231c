package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.FileChange;
import org.syncline.sync.internal.engine.LocalIndex.Entry;

/** How a scan's differences from the index become the changes of one commit. */
class ChangeSetTest {
    private static final String A = "aa".repeat(32);
    private static final String B = "bb".repeat(32);

    @Test
    void aVanishedFileWhoseContentReappearsIsARename() {
        Entry old = new Entry("old/name.txt", 5, 1, A, 4, List.of(new ChunkRef(A, 5)));
        Map<String, SyncPass.Pending> changed = new LinkedHashMap<>();
        changed.put("new/name.txt", pending("new/name.txt", A, null));
        List<FileChange> changes = SyncPass.changes(changed, List.of(old));
        assertEquals(1, changes.size());
        FileChange c = changes.get(0);
        assertEquals(FileChange.RENAME, c.op());
        assertEquals("old/name.txt", c.path());
        assertEquals("new/name.txt", c.newPath());
        assertEquals(4, c.base());
    }

    @Test
    void editsCarryTheirBaseRevisionAndOtherVanishedFilesAreDeletes() {
        Entry edited = new Entry("e.txt", 5, 1, A, 7, List.of());
        Entry gone = new Entry("gone.txt", 5, 1, B, 2, List.of());
        Map<String, SyncPass.Pending> changed = new LinkedHashMap<>();
        changed.put("e.txt", pending("e.txt", "cc".repeat(32), edited));
        changed.put("fresh.txt", pending("fresh.txt", "dd".repeat(32), null));
        List<FileChange> changes = SyncPass.changes(changed, List.of(gone));
        assertEquals(List.of(FileChange.DELETE, FileChange.PUT, FileChange.PUT), changes.stream().map(FileChange::op).toList());
        assertEquals(2, changes.get(0).base());
        assertEquals(7, changes.get(1).base());
        assertEquals(0, changes.get(2).base());
    }

    private static SyncPass.Pending pending(String path, String sha, Entry base) {
        return new SyncPass.Pending(new LocalFile(path, 5, 2), new FileContent(5, sha, List.of(new ChunkRef(sha, 5))), base);
    }
}
