package org.syncline.model.topology.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyPackage;
import org.syncline.model.topology.query.Elements;

/**
 * What changed between two versions of a topology, as one line people read in a history or a conflict
 * message: "added server web-3, moved db-1 to group eu/db". Elements are matched by name (groups by path).
 */
public final class TopologyChanges {
    /** Longest list of changes spelled out; the rest are counted. */
    static final int SHOWN = 6;

    private TopologyChanges() {
    }

    public static String summary(Deployment before, Deployment after) {
        List<String> changes = list(before, after);
        if (changes.isEmpty()) {
            return "no change";
        }
        if (changes.size() <= SHOWN) {
            return String.join(", ", changes);
        }
        return String.join(", ", changes.subList(0, SHOWN)) + " and " + (changes.size() - SHOWN) + " more changes";
    }

    /** Each change as a short phrase; empty when the two are the same. */
    public static List<String> list(Deployment before, Deployment after) {
        List<String> out = new ArrayList<>();
        compare(out, "region", index(before.getRegions(), Region::getName), index(after.getRegions(), Region::getName), (a, b) -> null);
        compare(out, "group", index(Elements.groups(before), Elements::path), index(Elements.groups(after), Elements::path), (a, b) -> null);
        compare(out, "server", index(Elements.servers(before), Server::getName), index(Elements.servers(after), Server::getName),
                TopologyChanges::serverChange);
        compare(out, "route", index(before.getRoutes(), TopologyChanges::routeKey), index(after.getRoutes(), TopologyChanges::routeKey),
                (a, b) -> same(a.getPolicy(), b.getPolicy()) ? null : "changed the policy of route " + routeKey(b));
        policy(out, "same-group", before.getSameGroupPolicy(), after.getSameGroupPolicy());
        policy(out, "same-region", before.getSameRegionPolicy(), after.getSameRegionPolicy());
        policy(out, "between-regions", before.getBetweenRegionsPolicy(), after.getBetweenRegionsPolicy());
        if (!Objects.equals(before.getName(), after.getName())) {
            out.add("renamed the deployment to " + after.getName());
        }
        if (out.isEmpty() && !EcoreUtil.equals(before, after)) {
            out.add("changed the diagram layout");
        }
        return out;
    }

    private interface Difference<T> {
        String of(T before, T after);
    }

    private static <T> void compare(List<String> out, String kind, Map<String, T> before, Map<String, T> after, Difference<T> changed) {
        after.forEach((key, a) -> {
            T b = before.get(key);
            if (b == null) {
                out.add("added " + kind + " " + key);
            } else {
                String c = changed.of(b, a);
                if (c != null) {
                    out.add(c);
                }
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> out.add("removed " + kind + " " + k));
    }

    private static String serverChange(Server before, Server after) {
        String whereBefore = before.getGroup() == null ? "" : Elements.path(before.getGroup());
        String whereAfter = after.getGroup() == null ? "" : Elements.path(after.getGroup());
        if (!whereBefore.equals(whereAfter)) {
            return "moved " + after.getName() + (whereAfter.isEmpty() ? " to the unassigned pool" : " to group " + whereAfter);
        }
        List<String> fields = new ArrayList<>();
        for (var f : List.of(TopologyPackage.Literals.SERVER__HOST, TopologyPackage.Literals.SERVER__PORT, TopologyPackage.Literals.SERVER__ROLES,
                TopologyPackage.Literals.SERVER__WEIGHT, TopologyPackage.Literals.SERVER__TAGS, TopologyPackage.Literals.SERVER__AGENT_ID)) {
            if (!Objects.equals(before.eGet(f), after.eGet(f))) {
                fields.add(f.getName());
            }
        }
        return fields.isEmpty() ? null : "changed server " + after.getName() + " (" + String.join(", ", fields) + ")";
    }

    private static void policy(List<String> out, String scope, LinkPolicy before, LinkPolicy after) {
        if (before == null && after != null) {
            out.add("added the " + scope + " default policy");
        } else if (before != null && after == null) {
            out.add("removed the " + scope + " default policy");
        } else if (!same(before, after)) {
            out.add("changed the " + scope + " default policy");
        }
    }

    private static boolean same(EObject a, EObject b) {
        return a == null ? b == null : b != null && EcoreUtil.equals(a, b);
    }

    private static String routeKey(Route r) {
        return Elements.endName(r.getFrom()) + " -> " + Elements.endName(r.getTo());
    }

    private static <T> Map<String, T> index(List<T> elements, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T e : elements) {
            map.putIfAbsent(String.valueOf(key.apply(e)), e);
        }
        return map;
    }
}
