package org.syncline.distribution.internal.ui.diagram;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Route;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.policy.LinkPolicies;
import org.syncline.model.topology.query.Elements;

/**
 * Draws a {@link DiagramLayout} and a {@link DiagramState} on a {@link DiagramGraphics}. Only what meets the
 * visible rectangle is drawn, and below a zoom where text cannot be read no text is drawn: a diagram of
 * 1,000 servers repaints within a frame.
 */
public final class DiagramPainter {
    public static final int HANDLE = 8;
    static final int SELECTION = 0x1a73e8;
    private static final int ERROR = 0xd93025;
    private static final int WARNING = 0xe37400;
    private static final int BORDER = 0x5f6368;
    private static final int TEXT = 0x202124;
    private static final int MUTED = 0x5f6368;
    private static final int ROUTE = 0x3c4043;
    /** Below this zoom, labels would be a few pixels high: not drawn. */
    private static final double TEXT_ZOOM = 0.45;
    /** Below this zoom a server shows its name only: the host line would be unreadable and doubles the text. */
    private static final double DETAIL_ZOOM = 0.75;

    private DiagramPainter() {
    }

    /**
     * @param visible the part of the diagram on screen, in diagram coordinates; null paints everything
     */
    public static void paint(DiagramGraphics g, DiagramLayout layout, DiagramState state, Rectangle visible, double zoom) {
        boolean text = zoom >= TEXT_ZOOM;
        boolean detail = zoom >= DETAIL_ZOOM;
        Rectangle pool = layout.pool();
        if (meets(visible, pool)) {
            g.fillRect(pool.x, pool.y, pool.width, pool.height, state.dropTarget == layout.deployment() ? 0xe3eefc : 0xf1f3f4);
            g.drawLine(pool.width, 0, pool.width, pool.height, BORDER, 1);
            if (text) {
                g.drawText("Unassigned (" + layout.deployment().getUnassigned().size() + ")", 8, 5, TEXT, true);
            }
        }
        for (EObject o : layout.elements()) {
            Rectangle r = layout.bounds(o);
            if (!meets(visible, r)) {
                continue;
            }
            if (o instanceof Region region) {
                container(g, r, 0xfafafa, region.getName(), text, state.dropTarget == o);
            } else if (o instanceof Group group) {
                container(g, r, state.dropTarget == o ? 0xe3eefc : 0xffffff, group.getName() + "  (" + group.getServers().size() + ")", text,
                        false);
            } else if (o instanceof Server s) {
                server(g, r, s, text, detail);
            }
            decorate(g, r, o, state);
        }
        List<Rectangle> groups = new ArrayList<>();
        for (Group group : Elements.groups(layout.deployment())) {
            groups.add(layout.bounds(group));
        }
        for (Route route : layout.deployment().getRoutes()) {
            route(g, layout, route, state, visible, text, groups);
        }
        if (state.overlay != null) {
            overlay(g, layout, state.overlay, text);
        }
        feedback(g, state);
    }

    private static final int SOURCE = 0x6a1b9a;
    /** A hop shorter than this is drawn as a bracket over its two servers. */
    private static final int BRACKET_BELOW = 40;
    private static final int BRACKET_RISE = 12;

    /** The job's tree: the source outlined, each hop a thick arrow numbered in the order it is taken, each target outlined by its state. */
    private static void overlay(DiagramGraphics g, DiagramLayout layout, RunOverlay o, boolean text) {
        java.util.Map<String, Server> byName = new java.util.HashMap<>();
        for (Server s : Elements.servers(layout.deployment())) {
            byName.put(s.getName(), s);
        }
        int n = 0;
        for (org.syncline.distribution.routing.Hop h : o.hops()) {
            n++;
            Rectangle a = byName.containsKey(h.from()) ? layout.bounds(byName.get(h.from())) : null;
            Rectangle b = byName.containsKey(h.to()) ? layout.bounds(byName.get(h.to())) : null;
            if (a == null || b == null) {
                continue;
            }
            int color = RunOverlay.color(o.states().get(h.to()));
            int[] line = RouteGeometry.between(a, b);
            int cx = (line[0] + line[2]) / 2;
            int cy = (line[1] + line[3]) / 2;
            if (Math.hypot(line[2] - line[0], line[3] - line[1]) < BRACKET_BELOW) {
                // neighbours in a group: a straight arrow would be a few points long, so the hop arcs over both
                int ax = a.x + a.width / 2;
                int bx = b.x + b.width / 2;
                int top = Math.min(a.y, b.y) - BRACKET_RISE;
                g.drawLine(ax, a.y, ax, top, color, 4);
                g.drawLine(ax, top, bx, top, color, 4);
                g.drawLine(bx, top, bx, b.y - 3, color, 4);
                g.fillPolygon(RouteGeometry.head(bx, top, bx, b.y - 3), color);
                cx = (ax + bx) / 2;
                cy = top;
            } else {
                g.drawLine(line[0], line[1], line[2], line[3], color, 4);
                g.fillPolygon(RouteGeometry.head(line[0], line[1], line[2], line[3]), color);
            }
            if (text) {
                String label = Integer.toString(n);
                int w = g.textWidth(label, true) + 8;
                g.fillRect(cx - w / 2, cy - 9, w, 18, color);
                g.drawText(label, cx - w / 2 + 4, cy - 7, 0xffffff, true);
            }
        }
        o.states().forEach((name, st) -> {
            Rectangle r = byName.containsKey(name) ? layout.bounds(byName.get(name)) : null;
            if (r != null) {
                g.drawRect(r.x - 3, r.y - 3, r.width + 6, r.height + 6, RunOverlay.color(st), 3);
            }
        });
        for (org.syncline.distribution.routing.Hop h : o.hops()) {
            Rectangle r = byName.containsKey(h.to()) && !o.states().containsKey(h.to()) ? layout.bounds(byName.get(h.to())) : null;
            if (r != null) {
                g.drawRect(r.x - 3, r.y - 3, r.width + 6, r.height + 6, RunOverlay.color(null), 3);
            }
        }
        Rectangle src = byName.containsKey(o.source()) ? layout.bounds(byName.get(o.source())) : null;
        if (src != null) {
            g.drawRect(src.x - 3, src.y - 3, src.width + 6, src.height + 6, SOURCE, 3);
        }
    }

    private static boolean meets(Rectangle visible, Rectangle r) {
        return r != null && (visible == null || visible.intersects(r.x - HANDLE, r.y - HANDLE, r.width + 2 * HANDLE, r.height + 2 * HANDLE));
    }

    private static void container(DiagramGraphics g, Rectangle r, int fill, String title, boolean text, boolean target) {
        g.fillRect(r.x, r.y, r.width, r.height, fill);
        g.fillRect(r.x, r.y, r.width, DiagramLayout.HEADER, target ? 0xd2e3fc : 0xe8eaed);
        g.drawRect(r.x, r.y, r.width, r.height, BORDER, 1);
        if (text) {
            g.drawText(fit(g, title == null ? "" : title, r.width - 12, true), r.x + 6, r.y + 4, TEXT, true);
        }
    }

    private static void server(DiagramGraphics g, Rectangle r, Server s, boolean text, boolean detail) {
        g.fillRect(r.x, r.y, r.width, r.height, StateColors.fill(s.getState()));
        g.drawRect(r.x, r.y, r.width, r.height, BORDER, 1);
        if (text) {
            g.drawText(fit(g, s.getName() == null ? "" : s.getName(), r.width - 10, true), r.x + 5, r.y + 5, TEXT, true);
        }
        if (detail) {
            String host = (s.getHost() == null || s.getHost().isEmpty() ? "(no host)" : s.getHost()) + ":" + s.getPort();
            g.drawText(fit(g, host, r.width - 10, false), r.x + 5, r.y + 24, MUTED, false);
        }
    }

    /** Shortens {@code s} with an ellipsis until it fits {@code width}. */
    private static String fit(DiagramGraphics g, String s, int width, boolean bold) {
        if (g.textWidth(s, bold) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && g.textWidth(t + "…", bold) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static void decorate(DiagramGraphics g, Rectangle r, EObject o, DiagramState state) {
        Integer problem = state.problems.get(o);
        if (problem != null) {
            g.drawRect(r.x - 2, r.y - 2, r.width + 4, r.height + 4, problem >= Diagnostic.ERROR ? ERROR : WARNING, 2);
        }
        if (state.selection.contains(o)) {
            g.drawRect(r.x - 1, r.y - 1, r.width + 2, r.height + 2, SELECTION, 2);
            if (!(o instanceof Server)) {
                g.fillRect(r.x + r.width - HANDLE / 2, r.y + r.height - HANDLE / 2, HANDLE, HANDLE, SELECTION);
            }
        }
    }

    private static void route(DiagramGraphics g, DiagramLayout layout, Route route, DiagramState state, Rectangle visible, boolean text,
            List<Rectangle> groups) {
        Rectangle a = layout.anchor(route.getFrom());
        Rectangle b = layout.anchor(route.getTo());
        if (a == null || b == null) {
            return;
        }
        int[] line = RouteGeometry.between(a, b);
        Rectangle box = new Rectangle(Math.min(line[0], line[2]), Math.min(line[1], line[3]), Math.abs(line[2] - line[0]) + 1,
                Math.abs(line[3] - line[1]) + 1);
        if (!meets(visible, box)) {
            return;
        }
        Integer problem = state.problems.get(route);
        int color = state.selection.contains(route) ? SELECTION : problem == null ? ROUTE : problem >= Diagnostic.ERROR ? ERROR : WARNING;
        g.drawLine(line[0], line[1], line[2], line[3], color, state.selection.contains(route) ? 3 : 2);
        g.fillPolygon(RouteGeometry.head(line[0], line[1], line[2], line[3]), color);
        if (text) {
            String label = PolicyLabel.of(LinkPolicies.effective(route));
            Rectangle l = labelBounds(g, groups, line, label);
            g.fillRect(l.x, l.y, l.width, l.height, 0xffffff);
            g.drawRect(l.x, l.y, l.width, l.height, color, 1);
            g.drawText(label, l.x + 4, l.y + 2, color, false);
        }
    }

    /** Where along its line a route's label may sit, best first: the middle, then towards either end. */
    private static final double[] LABEL_AT = { 0.5, 0.35, 0.65, 0.2, 0.8 };

    /** The box of a route's label on its line: the first place that covers no group, else the middle. */
    static Rectangle labelBounds(DiagramGraphics g, List<Rectangle> groups, int[] line, String label) {
        int w = g.textWidth(label, false) + 8;
        int h = 18;
        Rectangle first = null;
        for (double t : LABEL_AT) {
            int cx = (int) Math.round(line[0] + (line[2] - line[0]) * t);
            int cy = (int) Math.round(line[1] + (line[3] - line[1]) * t);
            Rectangle r = new Rectangle(cx - w / 2, cy - h / 2, w, h);
            if (first == null) {
                first = r;
            }
            if (coversNone(groups, r)) {
                return r;
            }
        }
        return first;
    }

    private static boolean coversNone(List<Rectangle> groups, Rectangle r) {
        for (Rectangle group : groups) {
            if (group.intersects(r)) {
                return false;
            }
        }
        return true;
    }

    private static void feedback(DiagramGraphics g, DiagramState state) {
        if (state.ghost != null) {
            Rectangle r = state.ghost;
            g.drawRect(r.x, r.y, r.width, r.height, SELECTION, 1);
        }
        if (state.routeLine != null) {
            Point a = state.routeLine[0];
            Point b = state.routeLine[1];
            g.drawLine(a.x, a.y, b.x, b.y, SELECTION, 2);
            g.fillPolygon(RouteGeometry.head(a.x, a.y, b.x, b.y), SELECTION);
        }
    }
}
