package org.syncline.distribution.internal.ui.diagram;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.RouteEnd;

/** Draws a route: press on a server or group, drag to another, release. */
final class RouteTool implements DiagramTool {
    private final TopologyCanvas canvas;
    private RouteEnd from;

    RouteTool(TopologyCanvas canvas) {
        this.canvas = canvas;
    }

    @Override
    public void down(int x, int y, boolean toggle) {
        from = DiagramHitTest.routeEndAt(canvas.layout(), x, y);
        if (from != null) {
            Rectangle r = canvas.layout().bounds(from);
            canvas.state().routeLine = new Point[] { new Point(r.x + r.width / 2, r.y + r.height / 2), new Point(x, y) };
        }
    }

    @Override
    public void drag(int x, int y) {
        if (from != null) {
            canvas.state().routeLine[1] = new Point(x, y);
            canvas.redraw();
        }
    }

    @Override
    public void up(int x, int y) {
        canvas.state().routeLine = null;
        RouteEnd start = from;
        from = null;
        if (start != null) {
            canvas.site().execute(canvas.site().edits().addRoute(start, DiagramHitTest.routeEndAt(canvas.layout(), x, y)));
        }
        canvas.redraw();
    }
}
