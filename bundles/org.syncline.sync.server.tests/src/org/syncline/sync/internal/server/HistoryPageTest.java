package org.syncline.sync.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sync.FileChange;
import org.syncline.sync.HistoryPage;
import org.syncline.sync.Revision;

/**
 * A file's history is read in pages, newest first: a file saved every minute for months has 100,000 revisions, more
 * than one reply may carry (each revision names the path again, up to 4,096 characters).
 */
class HistoryPageTest extends WithDerbyHub {
    @Test
    void pagesGoBackFromTheNewestRevisionWithoutGapsOrRepeats() throws IOException {
        hub.commit(ann, "shared", List.of(stored("log.txt", 0, "line 1")));
        for (int i = 2; i <= 25; i++) {
            hub.commit(ann, "shared", List.of(stored("log.txt", i - 1, "line " + i)));
        }
        List<Long> numbers = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        long before = 0;
        HistoryPage page;
        do {
            page = hub.history(ann, "shared", "log.txt", before, 10);
            page.revisions().forEach(r -> numbers.add(r.number()));
            more.add(page.more());
            before = page.revisions().get(page.revisions().size() - 1).number();
        } while (page.more());
        assertEquals(List.of(true, true, false), more, "10 + 10 + 5");
        assertEquals(LongStream.rangeClosed(1, 25).map(n -> 26 - n).boxed().toList(), numbers, "25 down to 1");
        assertEquals("line 25".length(), hub.history(ann, "shared", "log.txt", 0, 1).revisions().get(0).size());

        SynclineException refused = assertThrows(SynclineException.class, () -> hub.history(ann, "shared", "log.txt", 0, 0));
        assertEquals(ErrorCode.INVALID_ARGUMENT, refused.code());
    }

    @Test
    void aLongPathEndsAPageEarlyAndTheFolderHistoryStaysItsNewestThousand() throws IOException {
        String path = ("d".repeat(199) + "/").repeat(19) + "notes.txt";
        int n = (int) (org.syncline.core.Pages.REPLY_BYTES / org.syncline.core.Pages.pathEntryBytes(path.length())) + 20;
        List<FileChange> edits = new ArrayList<>();
        hub.commit(ann, "shared", List.of(stored(path, 0, "v1")));
        List<FileChange> contents = List.of(stored("a.txt", 0, "odd"), stored("b.txt", 0, "even")); // a put of the same content changes nothing
        for (int i = 2; i <= n; i++) {
            edits.clear();
            FileChange content = contents.get(i % 2);
            edits.add(FileChange.put(path, i - 1, content.size(), content.sha256(), content.chunks()));
            hub.commit(ann, "shared", edits);
        }
        HistoryPage first = hub.history(ann, "shared", path, 0, Integer.MAX_VALUE);
        assertTrue(first.more() && first.revisions().size() < n, first.revisions().size() + " of " + n);
        long json = org.syncline.core.json.Json.write(org.syncline.core.json.Json.tree(first)).length();
        assertTrue(json <= org.syncline.core.Pages.REPLY_BYTES, json + " bytes of JSON");
        HistoryPage rest = hub.history(ann, "shared", path, first.revisions().get(first.revisions().size() - 1).number(), Integer.MAX_VALUE);
        assertEquals(n, first.revisions().size() + rest.revisions().size());
        assertFalse(rest.more());

        HistoryPage folder = hub.history(ann, "shared", null, 0, Integer.MAX_VALUE);
        assertEquals(Math.min(n, SyncHub.FOLDER_HISTORY), folder.revisions().size());
        assertEquals(path, folder.revisions().get(0).path());
        assertFalse(folder.more(), "the folder's history is its newest revisions, not paged");
        assertEquals(List.of(), folder.revisions().stream().filter(Revision::deleted).toList());
    }
}
