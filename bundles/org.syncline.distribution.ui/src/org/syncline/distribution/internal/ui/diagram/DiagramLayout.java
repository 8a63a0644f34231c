package org.syncline.distribution.internal.ui.diagram;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.DiagramElement;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;

/**
 * Where every element of a deployment is drawn, in diagram coordinates (before zoom), computed once per
 * change rather than per repaint. The Unassigned pool is a column at the left; regions sit right of it at
 * their saved bounds. Groups are saved relative to their region; servers are placed in a grid inside their
 * group by their order, so they are never saved with a position. An element without saved bounds (width 0)
 * gets a grid slot, and a container always grows to hold its children, so nothing is ever clipped.
 */
public final class DiagramLayout {
    public static final int POOL_WIDTH = 200;
    public static final int SERVER_WIDTH = 170;
    public static final int SERVER_HEIGHT = 44;
    public static final int GAP = 10;
    public static final int PAD = 12;
    public static final int HEADER = 24;
    private static final int REGION_GAP = 40;
    /** Room between groups for the label of a route between them. */
    private static final int GROUP_GAP = 100;

    private final Deployment deployment;
    private final Map<EObject, Rectangle> bounds = new IdentityHashMap<>();
    private final List<EObject> order = new ArrayList<>();
    private Rectangle pool;
    private int width;
    private int height;

    private DiagramLayout(Deployment deployment) {
        this.deployment = deployment;
    }

    /** The layout of the saved bounds (elements without them get grid slots). */
    public static DiagramLayout of(Deployment d) {
        return compute(d, false);
    }

    /** A fresh grid layout that ignores every saved bound: what "automatic layout" writes back. */
    public static DiagramLayout automatic(Deployment d) {
        return compute(d, true);
    }

    private static DiagramLayout compute(Deployment d, boolean ignoreSaved) {
        DiagramLayout l = new DiagramLayout(d);
        // regions without saved bounds fill rows of about sqrt(n), so a large deployment stays near square
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(d.getRegions().size())));
        int x = POOL_WIDTH + REGION_GAP;
        int y = REGION_GAP / 2;
        int rowBottom = y;
        int i = 0;
        for (Region r : d.getRegions()) {
            Rectangle rb = l.region(r, x, y, ignoreSaved);
            if (ignoreSaved || r.getWidth() <= 0) {
                x = rb.x + rb.width + REGION_GAP;
                rowBottom = Math.max(rowBottom, rb.y + rb.height);
                if (++i % cols == 0) {
                    x = POOL_WIDTH + REGION_GAP;
                    y = rowBottom + REGION_GAP;
                }
            }
        }
        int poolHeight = HEADER + PAD + d.getUnassigned().size() * (SERVER_HEIGHT + GAP) + PAD;
        l.height = Math.max(l.height, poolHeight);
        l.pool = new Rectangle(0, 0, POOL_WIDTH, Math.max(l.height, 400));
        int py = HEADER + PAD;
        for (Server s : d.getUnassigned()) {
            l.put(s, new Rectangle((POOL_WIDTH - SERVER_WIDTH) / 2, py, SERVER_WIDTH, SERVER_HEIGHT));
            py += SERVER_HEIGHT + GAP;
        }
        l.width = Math.max(l.width + REGION_GAP, POOL_WIDTH + REGION_GAP);
        l.height = l.pool.height;
        return l;
    }

    private Rectangle region(Region r, int slotX, int slotY, boolean ignoreSaved) {
        boolean saved = !ignoreSaved && r.getWidth() > 0;
        int rx = saved ? POOL_WIDTH + REGION_GAP + r.getX() : slotX;
        int ry = saved ? r.getY() : slotY;
        Rectangle rb = new Rectangle(rx, ry, 0, 0);
        put(r, rb);
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(r.getGroups().size())));
        int cx = rx + PAD;
        int cy = ry + HEADER + PAD;
        int rowHeight = 0;
        int maxRight = rx + 200;
        int maxBottom = ry + HEADER + 60;
        int i = 0;
        for (Group g : r.getGroups()) {
            boolean gSaved = !ignoreSaved && g.getWidth() > 0;
            Rectangle gb = group(g, gSaved ? rx + g.getX() : cx, gSaved ? ry + g.getY() : cy, gSaved ? g.getWidth() : 0,
                    gSaved ? g.getHeight() : 0);
            maxRight = Math.max(maxRight, gb.x + gb.width);
            maxBottom = Math.max(maxBottom, gb.y + gb.height);
            rowHeight = Math.max(rowHeight, gb.height);
            cx += gb.width + GROUP_GAP;
            if (++i % cols == 0) {
                cx = rx + PAD;
                cy += rowHeight + GROUP_GAP;
                rowHeight = 0;
            }
        }
        rb.width = Math.max(saved ? r.getWidth() : 0, maxRight - rx + PAD);
        rb.height = Math.max(saved ? r.getHeight() : 0, maxBottom - ry + PAD);
        width = Math.max(width, rb.x + rb.width);
        height = Math.max(height, rb.y + rb.height + REGION_GAP / 2);
        return rb;
    }

    private Rectangle group(Group g, int gx, int gy, int savedWidth, int savedHeight) {
        int n = g.getServers().size();
        int w = savedWidth > 0 ? Math.max(savedWidth, SERVER_WIDTH + PAD * 2) : groupSize(n).x;
        int cols = Math.max(1, (w - PAD * 2 + GAP) / (SERVER_WIDTH + GAP));
        Rectangle gb = new Rectangle(gx, gy, w, Math.max(savedHeight, heightFor(n, cols)));
        put(g, gb);
        for (int i = 0; i < n; i++) {
            put(g.getServers().get(i), new Rectangle(gx + PAD + (i % cols) * (SERVER_WIDTH + GAP),
                    gy + HEADER + PAD + (i / cols) * (SERVER_HEIGHT + GAP), SERVER_WIDTH, SERVER_HEIGHT));
        }
        return gb;
    }

    /** The size a group of {@code servers} servers gets when it has none saved: a grid of 2 to 5 columns. */
    public static Point groupSize(int servers) {
        int cols = Math.min(5, Math.max(2, (int) Math.ceil(Math.sqrt(servers))));
        return new Point(PAD * 2 + cols * SERVER_WIDTH + (cols - 1) * GAP, heightFor(servers, cols));
    }

    private static int heightFor(int servers, int cols) {
        int rows = Math.max(1, (servers + cols - 1) / cols);
        return HEADER + PAD + rows * SERVER_HEIGHT + (rows - 1) * GAP + PAD;
    }

    private void put(EObject o, Rectangle r) {
        bounds.put(o, r);
        order.add(o);
    }

    public Deployment deployment() {
        return deployment;
    }

    /** The element's rectangle, or null when it is not drawn (not in this deployment). */
    public Rectangle bounds(EObject o) {
        return bounds.get(o);
    }

    /**
     * Where a route attaches to {@code end}: a server's box, or a group's title bar, so that routes between
     * groups run along the titles instead of across the servers inside.
     */
    public Rectangle anchor(EObject end) {
        Rectangle r = bounds(end);
        return r != null && end instanceof Group ? new Rectangle(r.x, r.y, r.width, HEADER) : r;
    }

    public Rectangle pool() {
        return pool;
    }

    /** Regions, then each region's groups and their servers, then the pool's servers: paint and Tab order. */
    public List<EObject> elements() {
        return order;
    }

    /** The size of the whole drawing. */
    public Rectangle extent() {
        return new Rectangle(0, 0, width, height);
    }

    /** The saved bounds of {@code e} relative to its container, as the model stores them. */
    public Rectangle savedBounds(DiagramElement e) {
        Rectangle r = bounds(e);
        if (e instanceof Group g && g.getRegion() != null) {
            Rectangle rb = bounds(g.getRegion());
            return new Rectangle(r.x - rb.x, r.y - rb.y, r.width, r.height);
        }
        return new Rectangle(r.x - POOL_WIDTH - REGION_GAP, r.y, r.width, r.height);
    }

    /** The diagram x of the model's region x = 0 (regions are saved relative to the right of the pool). */
    public static int regionOriginX() {
        return POOL_WIDTH + REGION_GAP;
    }
}
