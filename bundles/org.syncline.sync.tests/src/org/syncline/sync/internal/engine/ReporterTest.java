package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The engine's report: lines pass through; a warning is said once and kept for the workbench's list, up to a bound. */
class ReporterTest {
    @Test
    void aWarningIsSaidOnceAndKeptWhileOrdinaryLinesAreNot() {
        List<String> said = new ArrayList<>();
        SyncEngine.Reporter r = new SyncEngine.Reporter(said::add);
        r.line("upload a.txt");
        r.once("symlink:l", "symlink not followed: l (links are not synced)");
        r.once("symlink:l", "symlink not followed: l (links are not synced)");
        r.once("name:B", "name warning: B");
        assertEquals(List.of("upload a.txt", "symlink not followed: l (links are not synced)", "name warning: B"), said);
        assertEquals(List.of("symlink not followed: l (links are not synced)", "name warning: B"), r.warnings());
        assertEquals(2, r.warningCount());
    }

    @Test
    void pastTheBoundWarningsAreCountedNotKept() {
        List<String> said = new ArrayList<>();
        SyncEngine.Reporter r = new SyncEngine.Reporter(said::add);
        int n = SyncEngine.Reporter.KEPT_WARNINGS + 5;
        for (int i = 0; i < n; i++) {
            r.once("name:" + i, "name warning: " + i);
        }
        assertEquals(n, said.size(), "every warning is still said");
        List<String> kept = r.warnings();
        assertEquals(SyncEngine.Reporter.KEPT_WARNINGS + 1, kept.size());
        assertEquals(n, r.warningCount(), "the count is of all of them");
        assertEquals("name warning: 0", kept.get(0));
        assertEquals("... and 5 more (the first " + SyncEngine.Reporter.KEPT_WARNINGS + " are listed)", kept.get(kept.size() - 1));
    }
}
