package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.ChangePage;
import org.syncline.sync.CommitResult;
import org.syncline.sync.FileChange;
import org.syncline.sync.RemoteFile;

/**
 * A commit looks its paths and chunks up many to a statement and writes its revisions in batches: a change set
 * that mixes new paths (more than one lookup group), changes to existing ones and a path changed twice must come
 * out as one-at-a-time writes would, and a change set naming a chunk the hub lacks must leave nothing.
 */
class CommitBatchTest extends WithDerbyHub {

    @Test
    void aLargeMixedChangeSetCommitsEveryChangeAsOneAtATimeWould() throws IOException {
        FileChange keep = stored("keep.txt", 0, "kept v1");
        FileChange gone = stored("gone.txt", 0, "to delete");
        FileChange moved = stored("old-name.txt", 0, "moving");
        hub.commit(ann, "shared", List.of(keep, gone, moved));

        List<FileChange> set = new ArrayList<>();
        for (int i = 0; i < Sql.IN_GROUP * 2 + 17; i++) {
            set.add(stored("new/f" + i + ".txt", 0, "content " + i));
        }
        set.add(stored("keep.txt", 1, "kept v2"));
        set.add(FileChange.delete("gone.txt", 1));
        set.add(FileChange.rename("old-name.txt", 1, "new-name.txt", moved.size(), moved.sha256(), moved.chunks()));
        // the same new path twice in one set: the second put was made against no revision, so it becomes a conflict copy
        set.add(stored("twice.txt", 0, "first"));
        set.add(stored("twice.txt", 0, "second"));
        // a path born in this set and renamed in it: its row must be there when the rename reads it
        FileChange born = stored("born.txt", 0, "born here");
        set.add(born);
        set.add(FileChange.rename("born.txt", 1, "born-moved.txt", born.size(), born.sha256(), born.chunks()));
        CommitResult result = hub.commit(ann, "shared", set).value();

        int n = Sql.IN_GROUP * 2 + 17;
        assertEquals(set.size(), result.files().size());
        for (int i = 0; i < n; i++) {
            assertEquals(1, result.files().get(i).revision());
        }
        assertEquals(2, result.files().get(n).revision());
        assertTrue(result.files().get(n + 1).deleted());
        CommitResult.Committed renamed = result.files().get(n + 2);
        assertEquals("new-name.txt", renamed.path());
        assertEquals(1, renamed.revision());
        assertFalse(result.files().get(n + 3).conflict());
        CommitResult.Committed copy = result.files().get(n + 4);
        assertTrue(copy.conflict());
        assertEquals("twice.txt", copy.requestedPath());
        assertEquals(1, result.files().get(n + 5).revision());
        assertEquals("born-moved.txt", result.files().get(n + 6).path());

        Map<String, RemoteFile> head = head();
        for (int i = 0; i < n; i++) {
            RemoteFile f = head.get("new/f" + i + ".txt");
            assertEquals(sha("content " + i), f.sha256());
            assertEquals(List.of(new ChunkRef(sha("content " + i), ("content " + i).length())), f.chunks());
        }
        assertEquals(2, head.get("keep.txt").revision());
        assertEquals(sha("kept v2"), head.get("keep.txt").sha256());
        assertTrue(head.get("gone.txt").deleted());
        assertTrue(head.get("old-name.txt").deleted());
        assertEquals(sha("moving"), head.get("new-name.txt").sha256());
        assertEquals(sha("first"), head.get("twice.txt").sha256());
        assertEquals(sha("second"), head.get(copy.path()).sha256());
        assertTrue(head.get("born.txt").deleted());
        assertEquals(2, head.get("born.txt").revision());
        assertEquals(sha("born here"), head.get("born-moved.txt").sha256());
        assertEquals(List.of(2L, 1L), hub.history(ann, "shared", "keep.txt", 0, Integer.MAX_VALUE).revisions().stream().map(r -> r.number()).toList());
        assertEquals(n + 5, hub.info(ann, "shared").files()); // the new files, keep, new-name, twice and its copy, born-moved
    }

    /**
     * A second change to an existing file in the same set is judged against the revision the first one made (its row
     * and revisions written, or held in a batch, by then), not against the revision the file had before the commit.
     */
    @Test
    void anExistingPathChangedTwiceInOneSetIsJudgedAgainstItsNewRevision() throws IOException {
        hub.commit(ann, "shared", List.of(stored("edited.txt", 0, "e1"), stored("back.txt", 0, "b1"), stored("stale.txt", 0, "s1")));

        CommitResult result = hub.commit(ann, "shared", List.of(
                stored("edited.txt", 1, "e2"),
                stored("edited.txt", 1, "e3"), // made against revision 1, which the first put replaced: a conflict copy
                FileChange.delete("back.txt", 1),
                stored("back.txt", 2, "b2"), // restores the file just deleted
                FileChange.delete("stale.txt", 1),
                FileChange.delete("stale.txt", 1))).value(); // already deleted by the change before: nothing more
        List<CommitResult.Committed> files = result.files();
        assertEquals(2, files.get(0).revision());
        assertTrue(files.get(1).conflict());
        assertEquals("edited.txt", files.get(1).requestedPath());
        assertTrue(files.get(2).deleted());
        assertEquals(3, files.get(3).revision());
        assertFalse(files.get(3).deleted());
        assertEquals(2, files.get(4).revision());
        assertEquals(2, files.get(5).revision());
        assertTrue(files.get(5).deleted());

        Map<String, RemoteFile> head = head();
        assertEquals(sha("e2"), head.get("edited.txt").sha256());
        assertEquals(sha("e3"), head.get(files.get(1).path()).sha256());
        assertEquals(sha("b2"), head.get("back.txt").sha256());
        assertFalse(head.get("back.txt").deleted());
        assertTrue(head.get("stale.txt").deleted());
        assertEquals(2, head.get("stale.txt").revision());
    }

    @Test
    void aChangeSetNamingAChunkTheHubLacksLeavesNothing() throws IOException {
        List<FileChange> set = new ArrayList<>();
        for (int i = 0; i < Sql.IN_GROUP + 5; i++) {
            set.add(stored("f" + i + ".txt", 0, "content " + i));
        }
        String never = sha("never uploaded");
        set.add(FileChange.put("last.txt", 0, 14, never, List.of(new ChunkRef(never, 14))));
        SynclineException e = assertThrows(SynclineException.class, () -> hub.commit(ann, "shared", set));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertTrue(e.getMessage().contains(never), e.getMessage());
        assertTrue(hub.changesSince(ann, "shared", 0).files().isEmpty());
        assertEquals(0, hub.info(ann, "shared").files());
    }

    private Map<String, RemoteFile> head() {
        Map<String, RemoteFile> out = new TreeMap<>();
        long cursor = 0;
        while (true) {
            ChangePage page = hub.changesSince(ann, "shared", cursor);
            page.files().forEach(f -> out.put(f.path(), f));
            cursor = page.cursor();
            if (!page.more()) {
                return out;
            }
        }
    }

    private static String sha(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
