package org.syncline.model.topology.policy;

import java.util.Optional;

import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.query.Elements;

/**
 * Resolves how content travels between two route ends: a route's own policy overrides the deployment's
 * default for the ends' scope (same group, same region, between regions).
 */
public final class LinkPolicies {
    private LinkPolicies() {
    }

    /** The scope of a link between two ends; empty when either end is an unassigned server. */
    public static Optional<LinkScope> scope(RouteEnd from, RouteEnd to) {
        Group a = Elements.groupOf(from);
        Group b = Elements.groupOf(to);
        if (a == null || b == null) {
            return Optional.empty();
        }
        if (a == b) {
            return Optional.of(LinkScope.SAME_GROUP);
        }
        return Optional.of(a.getRegion() == b.getRegion() ? LinkScope.SAME_REGION : LinkScope.BETWEEN_REGIONS);
    }

    /** The deployment's default for a scope, or null when it has none (ends of that scope then need a route). */
    public static LinkPolicy defaultFor(Deployment d, LinkScope scope) {
        return switch (scope) {
            case SAME_GROUP -> d.getSameGroupPolicy();
            case SAME_REGION -> d.getSameRegionPolicy();
            case BETWEEN_REGIONS -> d.getBetweenRegionsPolicy();
        };
    }

    /**
     * The policy content travels by on {@code route}: its own, else the default of its scope, else the built-in
     * one (the route exists, so it is a link even where the deployment has no default).
     */
    public static LinkPolicy effective(Route route) {
        if (route.getPolicy() != null) {
            return route.getPolicy();
        }
        Deployment d = Elements.deploymentOf(route);
        LinkPolicy scoped = d == null ? null : scope(route.getFrom(), route.getTo()).map(s -> defaultFor(d, s)).orElse(null);
        return scoped != null ? scoped : builtIn();
    }

    /**
     * The policy content travels by from {@code from} to {@code to}: that of a route between exactly these
     * ends, else of a route between their groups, else the scope's default; empty when nothing links them.
     */
    public static Optional<LinkPolicy> effective(RouteEnd from, RouteEnd to) {
        Deployment d = Elements.deploymentOf(from);
        if (d == null || d != Elements.deploymentOf(to)) {
            return Optional.empty();
        }
        Route groupRoute = null;
        for (Route r : d.getRoutes()) {
            if (r.getFrom() == from && r.getTo() == to) {
                return Optional.of(effective(r));
            }
            if (groupRoute == null && r.getFrom() instanceof Group && r.getTo() instanceof Group
                    && r.getFrom() == Elements.groupOf(from) && r.getTo() == Elements.groupOf(to)) {
                groupRoute = r;
            }
        }
        if (groupRoute != null) {
            return Optional.of(effective(groupRoute));
        }
        return scope(from, to).map(s -> defaultFor(d, s));
    }

    /** Delta transfer, compression 6, TLS on, no bandwidth cap: the model's defaults. */
    public static LinkPolicy builtIn() {
        return TopologyFactory.eINSTANCE.createLinkPolicy();
    }
}
