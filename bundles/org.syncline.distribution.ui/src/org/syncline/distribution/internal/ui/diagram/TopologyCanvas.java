package org.syncline.distribution.internal.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.syncline.distribution.internal.ui.diagram.SwtGraphics.DiagramFonts;
import org.syncline.model.topology.DiagramElement;
import org.syncline.model.topology.Server;

/**
 * The topology drawn on an SWT canvas: scrolls, zooms, and hands the mouse to the current {@link DiagramTool}.
 * Keys: arrows move the selection, Tab / Shift+Tab walk the elements, + / - zoom, Ctrl+0 fits the window,
 * Escape returns to the select tool.
 */
public final class TopologyCanvas {
    private static final double[] ZOOMS = { 0.1, 0.15, 0.25, 0.35, 0.5, 0.65, 0.8, 1, 1.25, 1.5, 2 };
    private static final int NUDGE = 10;

    private final Canvas canvas;
    private final DiagramSite site;
    private final DiagramState state = new DiagramState();
    private final DiagramFonts fonts;
    private DiagramLayout layout;
    private Map<EObject, String> problemText = Map.of();
    private double zoom = 1;
    private DiagramTool tool;
    private boolean mouseDown;

    public TopologyCanvas(Composite parent, DiagramSite site) {
        this.site = site;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.H_SCROLL | SWT.V_SCROLL | SWT.NO_BACKGROUND);
        fonts = new DiagramFonts(canvas.getDisplay());
        tool = new SelectTool(this);
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> updateScrollBars());
        canvas.getHorizontalBar().addListener(SWT.Selection, e -> canvas.redraw());
        canvas.getVerticalBar().addListener(SWT.Selection, e -> canvas.redraw());
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = false;
                walk(e.detail == SWT.TRAVERSE_TAB_NEXT ? 1 : -1);
            }
        });
        canvas.addListener(SWT.Dispose, e -> fonts.dispose());
        refresh();
    }

    public Canvas control() {
        return canvas;
    }

    public DiagramSite site() {
        return site;
    }

    public DiagramLayout layout() {
        return layout;
    }

    public DiagramState state() {
        return state;
    }

    public double zoom() {
        return zoom;
    }

    /** Lays the model out again and repaints: after every change of the model. */
    public void refresh() {
        layout = DiagramLayout.of(site.deployment());
        state.selection.removeIf(o -> layout.bounds(o) == null && !site.deployment().getRoutes().contains(o));
        updateScrollBars();
        canvas.redraw();
    }

    /** Shows validation problems: the worst severity per element for the outline, the messages as tooltips. */
    public void showProblems(Map<EObject, Integer> severities, Map<EObject, String> messages) {
        state.problems.clear();
        state.problems.putAll(severities);
        problemText = messages;
        canvas.redraw();
    }

    public void redraw() {
        canvas.redraw();
    }

    private java.util.function.Consumer<String> toolChanged = t -> { };

    public void useSelectTool() {
        tool = new SelectTool(this);
        canvas.setCursor(null);
        toolChanged.accept("select");
    }

    public void useRouteTool() {
        tool = new RouteTool(this);
        canvas.setCursor(canvas.getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
        toolChanged.accept("route");
    }

    /** "region", "group" or "server": the next click creates one. */
    public void useCreateTool(String kind) {
        tool = new CreateTool(this, CreateTool.Kind.valueOf(kind.toUpperCase()));
        canvas.setCursor(canvas.getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
        toolChanged.accept(kind);
    }

    /** Tells {@code listener} the tool in use ("select", "route", "region", "group", "server") whenever it changes. */
    public void onToolChanged(java.util.function.Consumer<String> listener) {
        toolChanged = listener;
    }

    /** Presses at one diagram point, drags to another and releases, with the current tool (the mouse's path). */
    public void drag(Point from, Point to) {
        tool.down(from.x, from.y, false);
        tool.drag((from.x + to.x) / 2, (from.y + to.y) / 2);
        tool.drag(to.x, to.y);
        tool.up(to.x, to.y);
    }

    public void select(List<? extends EObject> elements) {
        state.selection.clear();
        state.selection.addAll(elements);
        elements.stream().filter(o -> layout.bounds(o) != null).findFirst().ifPresent(this::reveal);
        canvas.redraw();
    }

    void selectionChangedByUser() {
        canvas.redraw();
        site.selectionChanged();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        int ox = canvas.getHorizontalBar().getSelection();
        int oy = canvas.getVerticalBar().getSelection();
        Rectangle visible = new Rectangle((int) (ox / zoom), (int) (oy / zoom), (int) Math.ceil(area.width / zoom) + 1,
                (int) Math.ceil(area.height / zoom) + 1);
        DiagramPainter.paint(new SwtGraphics(gc, zoom, -ox, -oy, fonts), layout, state, visible, zoom);
    }

    private void updateScrollBars() {
        Rectangle area = canvas.getClientArea();
        Rectangle extent = layout.extent();
        bar(canvas.getHorizontalBar(), (int) Math.ceil(extent.width * zoom) + 40, area.width);
        bar(canvas.getVerticalBar(), (int) Math.ceil(extent.height * zoom) + 40, area.height);
    }

    private static void bar(ScrollBar bar, int content, int page) {
        bar.setMaximum(Math.max(content, 1));
        bar.setThumb(Math.max(1, Math.min(page, content)));
        bar.setPageIncrement(Math.max(1, page - 20));
        bar.setIncrement(20);
        bar.setVisible(content > page);
    }

    private Point toDiagram(int sx, int sy) {
        return new Point((int) Math.floor((sx + canvas.getHorizontalBar().getSelection()) / zoom),
                (int) Math.floor((sy + canvas.getVerticalBar().getSelection()) / zoom));
    }

    private void mouseDown(Event e) {
        if (e.button != 1) {
            return;
        }
        canvas.setFocus();
        mouseDown = true;
        Point p = toDiagram(e.x, e.y);
        tool.down(p.x, p.y, (e.stateMask & SWT.MOD1) != 0);
    }

    private void mouseMove(Event e) {
        Point p = toDiagram(e.x, e.y);
        if (mouseDown) {
            tool.drag(p.x, p.y);
            return;
        }
        EObject hit = DiagramHitTest.at(layout, p.x, p.y);
        String tip = hit == null ? null : problemText.get(hit);
        if (!java.util.Objects.equals(tip, canvas.getToolTipText())) {
            canvas.setToolTipText(tip);
        }
    }

    private void mouseUp(Event e) {
        if (e.button != 1 || !mouseDown) {
            return;
        }
        mouseDown = false;
        Point p = toDiagram(e.x, e.y);
        tool.up(p.x, p.y);
    }

    private void key(Event e) {
        int dx = e.keyCode == SWT.ARROW_LEFT ? -1 : e.keyCode == SWT.ARROW_RIGHT ? 1 : 0;
        int dy = e.keyCode == SWT.ARROW_UP ? -1 : e.keyCode == SWT.ARROW_DOWN ? 1 : 0;
        if (dx != 0 || dy != 0) {
            nudge(dx, dy);
        } else if (e.character == '+' || e.character == '=' || e.keyCode == SWT.KEYPAD_ADD) {
            zoomBy(1);
        } else if (e.character == '-' || e.keyCode == SWT.KEYPAD_SUBTRACT) {
            zoomBy(-1);
        } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == '0' || e.keyCode == SWT.KEYPAD_0)) {
            fit();
        } else if (e.keyCode == SWT.ESC) {
            useSelectTool();
            state.routeLine = null;
            canvas.redraw();
        }
    }

    /** Arrow keys: a region or group moves by 10 points, a server moves one place in its group's grid. */
    public void nudge(int dx, int dy) {
        for (EObject o : new ArrayList<>(state.selection)) {
            if (o instanceof Server s) {
                site.execute(site.edits().reorder(s, dx + dy));
            } else if (o instanceof DiagramElement el && layout.bounds(o) != null) {
                Rectangle r = layout.savedBounds(el);
                site.execute(site.edits().setBounds(el, new Rectangle(Math.max(0, r.x + dx * NUDGE), Math.max(0, r.y + dy * NUDGE), r.width,
                        r.height), "Move " + el.getName()));
            }
        }
    }

    /** Tab walks the elements in drawing order (regions, their groups and servers, then the pool, then routes). */
    public void walk(int step) {
        List<EObject> all = new ArrayList<>(layout.elements());
        all.addAll(site.deployment().getRoutes());
        if (all.isEmpty()) {
            return;
        }
        int at = state.selection.isEmpty() ? -1 : all.indexOf(state.selection.iterator().next());
        int next = Math.floorMod(at < 0 && step < 0 ? 0 : at + step, all.size());
        select(List.of(all.get(next)));
        site.selectionChanged();
    }

    public void zoomBy(int steps) {
        int i = 0;
        while (i < ZOOMS.length - 1 && ZOOMS[i] < zoom - 1e-9) {
            i++;
        }
        setZoom(ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, i + steps))]);
    }

    /** Zooms so the whole diagram fits the window. */
    public void fit() {
        Rectangle area = canvas.getClientArea();
        Rectangle extent = layout.extent();
        double z = Math.min((area.width - 10) / (double) Math.max(1, extent.width), (area.height - 10) / (double) Math.max(1, extent.height));
        setZoom(Math.max(0.05, Math.min(2, z)));
        canvas.getHorizontalBar().setSelection(0);
        canvas.getVerticalBar().setSelection(0);
    }

    public void setZoom(double z) {
        zoom = z;
        updateScrollBars();
        canvas.redraw();
    }

    private void reveal(EObject o) {
        Rectangle r = layout.bounds(o);
        Rectangle area = canvas.getClientArea();
        ScrollBar h = canvas.getHorizontalBar();
        ScrollBar v = canvas.getVerticalBar();
        int x = (int) (r.x * zoom);
        int y = (int) (r.y * zoom);
        if (x < h.getSelection() || x + r.width * zoom > h.getSelection() + area.width) {
            h.setSelection(Math.max(0, x - 20));
        }
        if (y < v.getSelection() || y + r.height * zoom > v.getSelection() + area.height) {
            v.setSelection(Math.max(0, y - 20));
        }
    }
}
