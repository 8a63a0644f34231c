package org.syncline.workbench.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.syncline.sync.internal.ui.SyncPair;
import org.syncline.sync.internal.ui.SyncPairs;

/** The workbench's sync pair of a test's directory: looked up, and removed when the test ends however it ends. */
final class TestPairs {
    private TestPairs() {
    }

    /** The pair of that local directory, if the workbench has one. */
    static Optional<SyncPair> find(Path dir) {
        return SyncPairs.instance().pairs().stream().filter(p -> p.localDir().equals(dir.toString())).findFirst();
    }

    /** The pair of that local directory; fails when the workbench has none. */
    static SyncPair of(Path dir) {
        return find(dir).orElseThrow(() -> new AssertionError("no pair of " + dir));
    }

    /** Stops and forgets the pair of that directory, if there is one: a failed test leaves no pair running into the next. */
    static void remove(Path dir) {
        find(dir).ifPresent(SyncPairs.instance()::remove);
    }
}
