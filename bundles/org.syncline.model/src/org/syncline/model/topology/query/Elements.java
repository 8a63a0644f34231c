package org.syncline.model.topology.query;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.syncline.core.Names;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.Server;

/** Finding elements of a deployment and naming them the way users see them ("group 'eu/web'"). */
public final class Elements {
    private Elements() {
    }

    /** Every server: those in groups, region by region, then the unassigned pool. */
    public static List<Server> servers(Deployment d) {
        List<Server> all = new ArrayList<>();
        for (Group g : groups(d)) {
            all.addAll(g.getServers());
        }
        all.addAll(d.getUnassigned());
        return all;
    }

    public static List<Group> groups(Deployment d) {
        List<Group> all = new ArrayList<>();
        for (Region r : d.getRegions()) {
            all.addAll(r.getGroups());
        }
        return all;
    }

    /** {@code region/group}, the name a group has across the deployment. */
    public static String path(Group g) {
        return name(g.getRegion() == null ? null : g.getRegion().getName()) + "/" + name(g.getName());
    }

    /** A server's name or a group's path: how a route end is written. */
    public static String endName(RouteEnd end) {
        if (end == null || end.eIsProxy()) {
            return "?";
        }
        return end instanceof Group g ? path(g) : name(end.getName());
    }

    /** The group a route end stands for: itself, or the server's group (null while the server is unassigned). */
    public static Group groupOf(RouteEnd end) {
        return end instanceof Group g ? g : end instanceof Server s ? s.getGroup() : null;
    }

    /** The deployment an element belongs to, or null when it is not inside one. */
    public static Deployment deploymentOf(EObject o) {
        return o == null ? null : EcoreUtil.getRootContainer(o) instanceof Deployment d ? d : null;
    }

    /** How messages name an element: "Server 'web-1' in group 'eu/web'", "Route web-1 -> eu/db". */
    public static String label(EObject o) {
        if (o instanceof Server s) {
            return "Server '" + name(s.getName()) + "'" + (s.getGroup() != null ? " in group '" + path(s.getGroup()) + "'" : " (unassigned)");
        }
        if (o instanceof Group g) {
            return "Group '" + path(g) + "'";
        }
        if (o instanceof Region r) {
            return "Region '" + name(r.getName()) + "'";
        }
        if (o instanceof Deployment d) {
            return "Deployment '" + name(d.getName()) + "'";
        }
        if (o instanceof Route r) {
            return "Route " + endName(r.getFrom()) + " -> " + endName(r.getTo());
        }
        if (o instanceof LinkPolicy p) {
            return p.eContainer() instanceof Route r ? "The policy of " + label(r).substring(0, 1).toLowerCase() + label(r).substring(1)
                    : "The " + scopeName(p) + " default policy";
        }
        return String.valueOf(o);
    }

    private static String scopeName(LinkPolicy p) {
        return switch (p.eContainingFeature() == null ? "" : p.eContainingFeature().getName()) {
            case "sameGroupPolicy" -> "same-group";
            case "sameRegionPolicy" -> "same-region";
            case "betweenRegionsPolicy" -> "between-regions";
            default -> "detached";
        };
    }

    private static String name(String n) {
        return n == null ? "" : Names.printable(n);
    }
}
