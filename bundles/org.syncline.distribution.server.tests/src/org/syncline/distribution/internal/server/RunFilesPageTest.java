package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.Pages;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.RunFilesPage;

/**
 * A run's file reports are read in pages: a run of 10,000 files to 16 targets has 160,000 of them, ~30 MB in one
 * reply, over the 16 MiB frame, so the Job Log's file list and {@code JobsClient.files} failed for such a run.
 */
class RunFilesPageTest extends WithMonitoringDatabase {
    private void reports(long runId, int n, String pathPrefix) {
        db.inTransaction(c -> {
            for (int i = 0; i < n; i++) {
                RunTable.addFile(c, runId, i, new RunFile("t" + (i % 16), "src", pathPrefix + i, RunFile.CREATE, "ab".repeat(32), i, i, ""));
            }
            return null;
        });
    }

    @Test
    void pagesFollowEachOtherInTheOrderTheReportsCameWithoutGapsOrRepeats() {
        reports(7, 25, "f");
        reports(8, 3, "other-run/"); // another run's reports never show
        List<RunFile> seen = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        long after = -1;
        RunFilesPage page;
        do {
            long from = after;
            page = db.inTransaction(c -> RunHandlers.filesPage(c, 7, from, 10));
            seen.addAll(page.files());
            more.add(page.more());
            after = page.next();
        } while (page.more());
        assertEquals(List.of(true, true, false), more, "10 + 10 + 5");
        assertEquals(25, seen.size());
        for (int i = 0; i < 25; i++) {
            assertEquals("f" + i, seen.get(i).path());
            assertEquals("t" + (i % 16), seen.get(i).server());
        }
        assertEquals(24, after, "the last page's cursor is its last report's");
        RunFilesPage past = db.inTransaction(c -> RunHandlers.filesPage(c, 7, 24, 10));
        assertTrue(past.files().isEmpty() && !past.more());
        assertEquals(ErrorCode.INVALID_ARGUMENT,
                assertThrows(SynclineException.class, () -> db.inTransaction(c -> RunHandlers.filesPage(c, 7, -1, 0))).code());
    }

    @Test
    void aPageHoldsAtMostTheMastersPageAndLongPathsEndItUnderTheBudget() {
        String dirs = ("d".repeat(199) + "/").repeat(19); // paths of ~3,830 characters
        int n = (int) (Pages.REPLY_BYTES / Pages.pathEntryBytes(dirs.length())) + 50;
        reports(9, n, dirs);
        RunFilesPage first = db.inTransaction(c -> RunHandlers.filesPage(c, 9, -1, Integer.MAX_VALUE));
        assertTrue(first.more() && first.files().size() < n, "ended early: " + first.files().size() + " of " + n);
        long json = Json.write(Json.tree(first)).length();
        assertTrue(json <= Pages.REPLY_BYTES, json + " bytes of JSON");
        RunFilesPage rest = db.inTransaction(c -> RunHandlers.filesPage(c, 9, first.next(), Integer.MAX_VALUE));
        assertEquals(n, first.files().size() + rest.files().size(), "the next page holds the rest");
        assertFalse(rest.more());
    }
}
