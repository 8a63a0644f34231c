package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the engine's next pass looks at: the watcher's paths, or the whole folder when they cannot be trusted. */
class ScanScopeTest {
    @Test
    void aPassTakesThePathsSeenSinceTheLastOneAfterAFirstWalkOfEverything() {
        ScanScope scope = new ScanScope();
        scope.changed("a.txt");
        assertNull(scope.take(), "the first pass walks the folder");
        assertEquals(Set.of(), scope.take(), "nothing seen: nothing to look at (a pass for the hub's push)");
        scope.changed("a.txt");
        scope.changed("dir/b.txt");
        scope.changed("a.txt");
        assertEquals(Set.of("a.txt", "dir/b.txt"), scope.take());
        assertEquals(Set.of(), scope.take());
    }

    @Test
    void aLostEventTheIgnoreRulesOrTooManyPathsMakeTheNextPassWalkEverything() {
        ScanScope scope = new ScanScope();
        scope.take();
        scope.changed("a.txt");
        scope.changed(null);
        scope.changed("b.txt");
        assertNull(scope.take(), "a lost event");
        scope.changed(".synclineignore");
        assertNull(scope.take(), "new ignore rules");
        scope.changed("a.txt");
        scope.all();
        assertNull(scope.take(), "a rescan, a failed pass");
        for (int i = 0; i <= ScanScope.MAX_PATHS; i++) {
            scope.changed("f" + i);
        }
        assertNull(scope.take(), "past " + ScanScope.MAX_PATHS + " paths one walk is cheaper");
        scope.changed("sub/.synclineignore");
        assertEquals(Set.of("sub/.synclineignore"), scope.take(), "only the folder's own rules file changes the rules");
    }
}
