package org.syncline.distribution.internal.ui.diagram;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.RouteEnd;
import org.syncline.model.topology.Server;

/** What lies under a point of the diagram (diagram coordinates): the top-most element first. */
public final class DiagramHitTest {
    private static final double ROUTE_SLOP = 5;

    private DiagramHitTest() {
    }

    /** The element under x, y: a server, else a route, else a group, else a region; null for the background. */
    public static EObject at(DiagramLayout layout, int x, int y) {
        List<EObject> all = layout.elements();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof Server && layout.bounds(all.get(i)).contains(x, y)) {
                return all.get(i);
            }
        }
        for (Route r : layout.deployment().getRoutes()) {
            Rectangle a = layout.anchor(r.getFrom());
            Rectangle b = layout.anchor(r.getTo());
            if (a != null && b != null && RouteGeometry.distance(x, y, RouteGeometry.between(a, b)) <= ROUTE_SLOP) {
                return r;
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof Group && layout.bounds(all.get(i)).contains(x, y)) {
                return all.get(i);
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) instanceof Region && layout.bounds(all.get(i)).contains(x, y)) {
                return all.get(i);
            }
        }
        return null;
    }

    /** The end a route may start or finish at under x, y: a server, else a group; null elsewhere. */
    public static RouteEnd routeEndAt(DiagramLayout layout, int x, int y) {
        EObject o = at(layout, x, y);
        return o instanceof RouteEnd end ? end : null;
    }

    /** Where a server dropped at x, y goes: a group, the deployment (the Unassigned pool), or null (nowhere). */
    public static EObject dropTargetAt(DiagramLayout layout, int x, int y) {
        if (layout.pool().contains(x, y)) {
            return layout.deployment();
        }
        EObject o = at(layout, x, y);
        if (o instanceof Server s) {
            return s.getGroup() != null ? s.getGroup() : layout.deployment();
        }
        return o instanceof Group ? o : null;
    }

    /** The region a group dropped at x, y goes to, or null. */
    public static Region regionAt(DiagramLayout layout, int x, int y) {
        for (Region r : layout.deployment().getRegions()) {
            if (layout.bounds(r).contains(x, y)) {
                return r;
            }
        }
        return null;
    }

    /** Whether x, y is on the resize handle (bottom-right corner) of the container {@code o}. */
    public static boolean onHandle(DiagramLayout layout, EObject o, int x, int y) {
        if (!(o instanceof Region || o instanceof Group)) {
            return false;
        }
        Rectangle r = layout.bounds(o);
        int h = DiagramPainter.HANDLE;
        return r != null && new Rectangle(r.x + r.width - h, r.y + r.height - h, 2 * h, 2 * h).contains(x, y);
    }
}
