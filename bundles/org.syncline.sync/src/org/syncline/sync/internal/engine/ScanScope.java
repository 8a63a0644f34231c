package org.syncline.sync.internal.engine;

import java.util.HashSet;
import java.util.Set;

import org.syncline.core.ignore.IgnoreRules;

/**
 * What the next pass looks at on disk: the paths the watcher saw change since the last pass, or the whole folder (at
 * the start, at each periodic rescan, after a failed pass, a lost event, a reconnect, a change of the ignore rules). A
 * change to one file of a folder of 100,000 then costs a look at that file, not a walk of the folder; the periodic
 * rescan still walks it all and catches what the watcher missed.
 */
final class ScanScope {
    /** Past this many paths one walk of the folder is cheaper than a look at each. */
    static final int MAX_PATHS = 10_000;
    private Set<String> paths = new HashSet<>();
    private boolean all = true;

    /** The watcher saw {@code path} ('/'-separated, relative to the root) change; null: it cannot say what changed. */
    synchronized void changed(String path) {
        if (path == null || path.equals(IgnoreRules.FILE_NAME)) {
            all();
        } else if (!all) {
            paths.add(path);
            if (paths.size() > MAX_PATHS) {
                all();
            }
        }
    }

    /** The next pass walks the whole folder. */
    synchronized void all() {
        all = true;
        paths = new HashSet<>();
    }

    /** Takes the scope of a pass starting now: the changed paths, or null for the whole folder. */
    synchronized Set<String> take() {
        Set<String> out = all ? null : paths;
        all = false;
        paths = new HashSet<>();
        return out;
    }
}
