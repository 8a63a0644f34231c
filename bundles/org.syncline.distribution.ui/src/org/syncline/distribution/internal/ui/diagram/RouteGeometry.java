package org.syncline.distribution.internal.ui.diagram;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

/** Where a route's arrow runs: between the borders of its two ends' rectangles, along their centres' line. */
public final class RouteGeometry {
    private RouteGeometry() {
    }

    /** {x1, y1, x2, y2}: from the border of {@code a} to the border of {@code b}. */
    public static int[] between(Rectangle a, Rectangle b) {
        Point ca = new Point(a.x + a.width / 2, a.y + a.height / 2);
        Point cb = new Point(b.x + b.width / 2, b.y + b.height / 2);
        Point start = border(a, ca, cb);
        Point end = border(b, cb, ca);
        return new int[] { start.x, start.y, end.x, end.y };
    }

    /** Where the line from the centre {@code c} of {@code r} towards {@code towards} leaves {@code r}. */
    private static Point border(Rectangle r, Point c, Point towards) {
        double dx = towards.x - c.x;
        double dy = towards.y - c.y;
        if (dx == 0 && dy == 0) {
            return c;
        }
        double tx = dx == 0 ? Double.MAX_VALUE : (r.width / 2.0) / Math.abs(dx);
        double ty = dy == 0 ? Double.MAX_VALUE : (r.height / 2.0) / Math.abs(dy);
        double t = Math.min(Math.min(tx, ty), 1);
        return new Point((int) Math.round(c.x + dx * t), (int) Math.round(c.y + dy * t));
    }

    /** The arrow head at x2, y2 of a line from x1, y1: a triangle as polygon points. */
    public static int[] head(int x1, int y1, int x2, int y2) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        int len = 10;
        double spread = Math.toRadians(25);
        return new int[] { x2, y2, (int) Math.round(x2 - len * Math.cos(angle - spread)), (int) Math.round(y2 - len * Math.sin(angle - spread)),
                (int) Math.round(x2 - len * Math.cos(angle + spread)), (int) Math.round(y2 - len * Math.sin(angle + spread)) };
    }

    /** Distance from point p to the segment. */
    public static double distance(int px, int py, int[] seg) {
        double x1 = seg[0];
        double y1 = seg[1];
        double dx = seg[2] - x1;
        double dy = seg[3] - y1;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / lengthSquared));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }
}
