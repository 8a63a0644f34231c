package org.syncline.distribution.internal.ui.diagram;

import java.util.Collection;

/** A name not yet taken: "server-3" after server-1 and server-2, "web-1-copy" for a copy of web-1. */
final class UniqueNames {
    private UniqueNames() {
    }

    static String next(String base, Collection<String> taken) {
        boolean copy = taken.contains(base);
        String stem = copy ? base + "-copy" : base;
        if (copy ? !taken.contains(stem) : false) {
            return stem;
        }
        for (int i = 1;; i++) {
            String candidate = stem + "-" + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
