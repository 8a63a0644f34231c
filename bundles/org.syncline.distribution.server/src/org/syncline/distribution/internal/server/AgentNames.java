package org.syncline.distribution.internal.server;

import java.util.HashSet;
import java.util.Set;

import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.query.Elements;

/** The server name an enrolling agent gets: its own name made valid, with -2, -3... when another server has it. */
final class AgentNames {
    private AgentNames() {
    }

    static String unique(Deployment d, String wanted) {
        String base = valid(wanted);
        Set<String> taken = new HashSet<>();
        for (Server s : Elements.servers(d)) {
            taken.add(s.getName());
        }
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            String suffix = "-" + i;
            name = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
        }
        return name;
    }

    /** Letters, digits, '.', '_' and '-' (the validator's rule), at most 64; anything else becomes '-'. */
    static String valid(String wanted) {
        String n = wanted == null ? "" : wanted.replaceAll("[^A-Za-z0-9._-]", "-");
        n = n.length() > 64 ? n.substring(0, 64) : n;
        return n.isEmpty() ? "agent" : n;
    }
}
