package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The engine's report: lines pass through; a warning is said once and kept for the workbench's list, up to a bound, while
 * it holds: a pass that looked again and did not find it drops it.
 */
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

    @Test
    void aWarningAPassLookedForAndDidNotFindGoesAndIsSaidAgainWhenItComesBack() {
        List<String> said = new ArrayList<>();
        SyncEngine.Reporter r = new SyncEngine.Reporter(said::add);
        r.passStarting();
        r.once("symlink:a", "symlink not followed: a");
        r.once("symlink:b", "symlink not followed: b");
        r.once("path:x", "not written: x");
        r.passEnded(SyncEngine.Reporter.FOUND_BY_A_WALK);
        assertEquals(3, r.warningCount());

        // a pass over a few changed paths cannot tell: everything stays
        r.passStarting();
        r.passEnded(key -> false);
        assertEquals(3, r.warningCount());

        // a walk finds b only: a was removed; the content warning is not the walk's to judge
        r.passStarting();
        r.once("symlink:b", "symlink not followed: b");
        r.passEnded(SyncEngine.Reporter.FOUND_BY_A_WALK);
        assertEquals(List.of("symlink not followed: b", "not written: x"), r.warnings());
        assertEquals(2, r.warningCount());

        // a reconcile looks at everything: x is gone too; a comes back and is said again
        r.passStarting();
        r.once("symlink:b", "symlink not followed: b");
        r.once("symlink:a", "symlink not followed: a");
        r.passEnded(key -> true);
        assertEquals(List.of("symlink not followed: b", "symlink not followed: a"), r.warnings());
        assertEquals(List.of("symlink not followed: a", "symlink not followed: b", "not written: x", "symlink not followed: a"), said);
    }

    @Test
    void aWarningThatGoesMakesRoomInTheListAndTheCountFollows() {
        SyncEngine.Reporter r = new SyncEngine.Reporter(s -> {
        });
        int n = SyncEngine.Reporter.KEPT_WARNINGS + 2;
        r.passStarting();
        for (int i = 0; i < n; i++) {
            r.once("name:" + i, "name warning: " + i);
        }
        r.passEnded(SyncEngine.Reporter.FOUND_BY_A_WALK);
        r.passStarting();
        for (int i = 1; i < n; i++) { // name 0 was fixed
            r.once("name:" + i, "name warning: " + i);
        }
        r.passEnded(SyncEngine.Reporter.FOUND_BY_A_WALK);
        assertEquals(n - 1, r.warningCount());
        assertEquals("... and 2 more (the first " + SyncEngine.Reporter.KEPT_WARNINGS + " are listed)", r.warnings().get(SyncEngine.Reporter.KEPT_WARNINGS - 1));
        // the next walk that finds an unlisted one again lists it in the freed place
        r.passStarting();
        for (int i = 1; i < n; i++) {
            r.once("name:" + i, "name warning: " + i);
        }
        r.passEnded(SyncEngine.Reporter.FOUND_BY_A_WALK);
        List<String> kept = r.warnings();
        assertEquals("name warning: 1", kept.get(0));
        assertEquals("name warning: " + SyncEngine.Reporter.KEPT_WARNINGS, kept.get(kept.size() - 2), "one unlisted before takes the freed place");
        assertEquals("... and 1 more (the first " + SyncEngine.Reporter.KEPT_WARNINGS + " are listed)", kept.get(kept.size() - 1));
    }
}
