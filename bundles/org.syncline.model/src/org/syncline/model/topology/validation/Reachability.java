package org.syncline.model.topology.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.query.Elements;

/**
 * Every group must be reachable from every other, through routes (either way: a route links its ends' groups)
 * or through a default policy (same region, between regions). Also warns about a region no route leads out
 * of when other regions exist and no between-regions default links them.
 */
final class Reachability {
    private final Deployment d;
    private final TopologyValidator.Problems p;
    private final Map<Group, Group> parent = new HashMap<>();

    Reachability(Deployment d, TopologyValidator.Problems p) {
        this.d = d;
        this.p = p;
    }

    void check() {
        List<Group> groups = Elements.groups(d);
        groups.forEach(g -> parent.put(g, g));
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                Group a = groups.get(i);
                Group b = groups.get(j);
                boolean sameRegion = a.getRegion() == b.getRegion();
                if (sameRegion ? d.getSameRegionPolicy() != null : d.getBetweenRegionsPolicy() != null) {
                    union(a, b);
                }
            }
        }
        for (Route r : d.getRoutes()) {
            Group a = Elements.groupOf(r.getFrom());
            Group b = Elements.groupOf(r.getTo());
            if (parent.containsKey(a) && parent.containsKey(b)) {
                union(a, b);
            }
        }
        if (!groups.isEmpty()) {
            Group first = groups.get(0);
            for (Group g : groups) {
                if (root(g) != root(first)) {
                    p.error(g, "it cannot be reached from group '" + Elements.path(first)
                            + "' through routes or default policies; add a route between them or a default policy for their scope");
                }
            }
        }
        regionsWithoutWayOut();
    }

    private void regionsWithoutWayOut() {
        if (d.getRegions().size() < 2 || d.getBetweenRegionsPolicy() != null) {
            return;
        }
        for (Region region : d.getRegions()) {
            boolean out = d.getRoutes().stream().anyMatch(r -> regionOf(r.getFrom() == null ? null : Elements.groupOf(r.getFrom())) == region
                    && regionOf(r.getTo() == null ? null : Elements.groupOf(r.getTo())) != region
                    && regionOf(Elements.groupOf(r.getTo())) != null);
            if (!out) {
                p.warning(region, "no route leads out of it to another region, and there is no between-regions default policy");
            }
        }
    }

    private static Region regionOf(Group g) {
        return g == null ? null : g.getRegion();
    }

    private Group root(Group g) {
        Group r = g;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        return r;
    }

    private void union(Group a, Group b) {
        parent.put(root(a), root(b));
    }
}
