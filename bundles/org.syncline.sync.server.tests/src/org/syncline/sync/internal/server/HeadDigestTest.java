package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Principal;
import org.syncline.sync.EntryPath;
import org.syncline.sync.FileChange;
import org.syncline.sync.HeadDigest;

/**
 * The hub's fingerprint of a folder's head, which an agent's reconcile compares with its index before it reads
 * the whole file list: equal exactly when the same live paths are at the same revisions up to the cursor.
 */
class HeadDigestTest extends WithDerbyHub {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private final Principal eve = new Principal("eve", Set.of(Principal.MEMBER));

    @Test
    void theHeadAddsUpLikeAnIndexOfTheSamePathsAtTheSameRevisionsInAnyOrder() {
        long cursor = hub.commit(ann, "shared", List.of(FileChange.put("a.txt", 0, 0, A, List.of()), FileChange.put("d/b.txt", 0, 0, A, List.of()),
                FileChange.put("empty/", 0, 0, EntryPath.EMPTY_SHA256, List.of()))).cursor();
        cursor = hub.commit(ann, "shared", List.of(FileChange.put("a.txt", 1, 0, B, List.of()))).cursor();

        HeadDigest head = hub.headDigest(ann, "shared", cursor);

        assertEquals(3, head.entries());
        assertTrue(head.sameEntries(new HeadDigest.Sum().add("empty/", 1).add("a.txt", 2).add("d/b.txt", 1).at(cursor)));
        assertFalse(head.sameEntries(new HeadDigest.Sum().add("empty/", 1).add("a.txt", 1).add("d/b.txt", 1).at(cursor)),
                "an index one revision behind must differ");
        assertFalse(head.sameEntries(new HeadDigest.Sum().add("a.txt", 2).add("d/b.txt", 1).at(cursor)), "an index missing an entry must differ");
    }

    @Test
    void deletedFilesAndChangesAfterTheCursorAreLeftOut() {
        long first = hub.commit(ann, "shared", List.of(FileChange.put("a.txt", 0, 0, A, List.of()), FileChange.put("gone.txt", 0, 0, A, List.of())))
                .cursor();
        long second = hub.commit(ann, "shared", List.of(FileChange.delete("gone.txt", 1), FileChange.put("new.txt", 0, 0, B, List.of()))).cursor();

        assertTrue(hub.headDigest(ann, "shared", second).sameEntries(new HeadDigest.Sum().add("a.txt", 1).add("new.txt", 1).at(second)));
        // at the first cursor: gone.txt's row moved on to the second commit, new.txt came after it
        HeadDigest atFirst = hub.headDigest(ann, "shared", first);
        assertEquals(first, atFirst.cursor());
        assertTrue(atFirst.sameEntries(new HeadDigest.Sum().add("a.txt", 1).at(first)));
        // a cursor past the last commit counts only what is committed
        assertEquals(second, hub.headDigest(ann, "shared", second + 100).cursor());
    }

    @Test
    void onlyAReaderOfTheFolderGetsItsDigest() {
        SynclineException e = assertThrows(SynclineException.class, () -> hub.headDigest(eve, "shared", 0));
        assertEquals(ErrorCode.NOT_FOUND, e.code(), e.getMessage());
    }
}
