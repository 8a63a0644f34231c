package org.syncline.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The server roles a process can hold (DESIGN.md); the capabilities register their handlers by role. */
public final class Roles {
    public static final List<String> ALL = List.of("registry", "storage", "hub", "master", "agent", "relay");

    private Roles() {
    }

    /** Parses {@code all} or a comma-separated list, refusing unknown names. */
    public static Set<String> parse(String text) {
        if (text == null || text.isBlank() || text.trim().equals("all")) {
            return new LinkedHashSet<>(ALL);
        }
        Set<String> roles = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String r : text.split(",")) {
            String t = r.trim();
            if (ALL.contains(t)) {
                roles.add(t);
            } else if (!t.isEmpty()) {
                unknown.add(Names.printable(t));
            }
        }
        if (!unknown.isEmpty() || roles.isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Unknown role(s) " + unknown
                    + "; choose from " + String.join(", ", ALL) + " or 'all'.");
        }
        return roles;
    }
}
