package org.syncline.distribution.routing;

import java.util.List;
import java.util.Optional;

/**
 * A distribution tree for one job run: the source at the root, each {@link Hop} a link from a parent to a child,
 * parents before their children. {@code leftOut} names the targets that get nothing in this run (dead,
 * overloaded or alerting, or not in the topology); they are caught up later by the job's recovery policy.
 */
public record RoutePlan(String source, List<Hop> hops, List<String> leftOut) {
    public RoutePlan {
        hops = List.copyOf(hops);
        leftOut = List.copyOf(leftOut);
    }

    public Optional<String> parentOf(String server) {
        return hops.stream().filter(h -> h.to().equals(server)).map(Hop::from).findFirst();
    }

    public List<String> childrenOf(String server) {
        return hops.stream().filter(h -> h.from().equals(server)).map(Hop::to).toList();
    }

    /** Hops from the source: 1 for a server the source sends to itself, 0 for the source, -1 when not in the tree. */
    public int depthOf(String server) {
        int d = 0;
        String s = server;
        while (!s.equals(source)) {
            Optional<String> p = parentOf(s);
            if (p.isEmpty()) {
                return -1;
            }
            s = p.get();
            d++;
        }
        return d;
    }

    /** Every server that receives in this run. */
    public List<String> receivers() {
        return hops.stream().map(Hop::to).toList();
    }
}
