package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sync.FileChange;
import org.syncline.sync.TrashEntry;
import org.syncline.sync.TrashPage;

/**
 * The trash is read in pages in path order, so that a folder whose 100,000 files were deleted lists them in frames far
 * below the protocol's limit (one reply of them all was ~18 MB against 16 MiB), each page one statement.
 */
class TrashPageTest extends WithDerbyHub {
    @Test
    void pagesFollowEachOtherInPathOrderWithTheDeletedSizeAndAuthorAndTheTotal() throws IOException {
        List<FileChange> puts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            puts.add(stored(String.format("f%02d.txt", i), 0, "x".repeat(i + 1)));
        }
        puts.add(stored("kept.txt", 0, "kept"));
        hub.commit(ann, "shared", puts);
        List<FileChange> deletes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            deletes.add(FileChange.delete(String.format("f%02d.txt", i), 1));
        }
        hub.commit(ann, "shared", deletes);

        List<TrashEntry> seen = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        String after = "";
        TrashPage page;
        do {
            page = hub.trash(ann, "shared", after, 7);
            assertEquals(after.isEmpty() ? 25 : -1, page.total(), "the first page says how many there are, the later ones do not count again");
            seen.addAll(page.files());
            more.add(page.more());
            after = page.files().get(page.files().size() - 1).path();
        } while (page.more());
        assertEquals(List.of(true, true, true, false), more, "7 + 7 + 7 + 4");
        assertEquals(25, seen.size());
        for (int i = 0; i < 25; i++) {
            TrashEntry e = seen.get(i);
            assertEquals(String.format("f%02d.txt", i), e.path());
            assertEquals(i + 1, e.size(), "the size of the content the delete removed");
            assertEquals(2, e.revision());
            assertEquals("ann", e.deletedBy());
            assertTrue(e.purgeAfter().isAfter(e.deleted()));
        }
        assertFalse(seen.stream().anyMatch(e -> e.path().equals("kept.txt")), "a live file is not in the trash");

        SynclineException refused = assertThrows(SynclineException.class, () -> hub.trash(ann, "shared", "", 0));
        assertEquals(ErrorCode.INVALID_ARGUMENT, refused.code());
    }

    @Test
    void aPageHoldsAtMostTheHubsPageOfFilesWhateverTheClientAsks() throws IOException {
        int n = SyncHub.TRASH_PAGE + 1;
        FileChange content = stored("seed.txt", 0, "same content");
        List<FileChange> puts = new ArrayList<>();
        List<FileChange> deletes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = String.format("many/%05d.txt", i);
            puts.add(FileChange.put(path, 0, content.size(), content.sha256(), content.chunks()));
            deletes.add(FileChange.delete(path, 1));
        }
        hub.commit(ann, "shared", puts);
        hub.commit(ann, "shared", deletes);

        TrashPage first = hub.trash(ann, "shared", "", Integer.MAX_VALUE);
        assertEquals(SyncHub.TRASH_PAGE, first.files().size());
        assertEquals(n, first.total());
        assertTrue(first.more());
        TrashPage second = hub.trash(ann, "shared", first.files().get(first.files().size() - 1).path(), Integer.MAX_VALUE);
        assertEquals(List.of(String.format("many/%05d.txt", n - 1)), second.files().stream().map(TrashEntry::path).toList());
        assertFalse(second.more());
    }

    @Test
    void longPathsEndAPageEarlyBeforeItNearsTheFrameLimit() throws IOException {
        // 19 directories of 200 characters: paths of ~3,830 characters, near the 4,096 a path may have
        String dirs = ("d".repeat(199) + "/").repeat(19);
        FileChange content = stored("seed.txt", 0, "long");
        int n = org.syncline.core.Pages.REPLY_BYTES / (3 * dirs.length()) + 50;
        List<FileChange> puts = new ArrayList<>();
        List<FileChange> deletes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String path = dirs + String.format("%04d.txt", i);
            puts.add(FileChange.put(path, 0, content.size(), content.sha256(), content.chunks()));
            deletes.add(FileChange.delete(path, 1));
        }
        hub.commit(ann, "shared", puts);
        hub.commit(ann, "shared", deletes);

        TrashPage first = hub.trash(ann, "shared", "", Integer.MAX_VALUE);
        long json = org.syncline.core.json.Json.write(org.syncline.core.json.Json.tree(first)).length();
        assertTrue(first.files().size() < n && first.more(), "ended early: " + first.files().size() + " of " + n);
        assertTrue(json <= org.syncline.core.Pages.REPLY_BYTES, json + " bytes of JSON");
        TrashPage rest = hub.trash(ann, "shared", first.files().get(first.files().size() - 1).path(), Integer.MAX_VALUE);
        assertEquals(n, first.files().size() + rest.files().size(), "the next page holds the rest");
        assertFalse(rest.more());
    }
}
