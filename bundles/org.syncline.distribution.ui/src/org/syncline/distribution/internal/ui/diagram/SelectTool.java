package org.syncline.distribution.internal.ui.diagram;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.DiagramElement;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;

/**
 * The default tool: a click selects (Ctrl toggles); dragging a server drops it into a group or the Unassigned
 * pool; dragging a region or group moves it (a group may change region); dragging a selected container's
 * corner handle resizes it.
 */
final class SelectTool implements DiagramTool {
    private final TopologyCanvas canvas;
    private EObject dragged;
    private boolean resizing;
    private int startX;
    private int startY;
    private boolean moved;

    SelectTool(TopologyCanvas canvas) {
        this.canvas = canvas;
    }

    @Override
    public void down(int x, int y, boolean toggle) {
        DiagramLayout layout = canvas.layout();
        DiagramState state = canvas.state();
        EObject hit = DiagramHitTest.at(layout, x, y);
        resizing = state.selection.stream().anyMatch(o -> DiagramHitTest.onHandle(layout, o, x, y));
        if (resizing) {
            hit = state.selection.stream().filter(o -> DiagramHitTest.onHandle(layout, o, x, y)).findFirst().orElseThrow();
        } else if (toggle && hit != null) {
            if (!state.selection.remove(hit)) {
                state.selection.add(hit);
            }
        } else if (hit == null || !state.selection.contains(hit)) {
            state.selection.clear();
            if (hit != null) {
                state.selection.add(hit);
            }
        }
        dragged = hit instanceof DiagramElement ? hit : null;
        startX = x;
        startY = y;
        moved = false;
        canvas.selectionChangedByUser();
    }

    @Override
    public void drag(int x, int y) {
        if (dragged == null) {
            return;
        }
        moved |= Math.abs(x - startX) + Math.abs(y - startY) > 3;
        if (!moved) {
            return;
        }
        Rectangle r = canvas.layout().bounds(dragged);
        DiagramState state = canvas.state();
        if (resizing) {
            state.ghost = new Rectangle(r.x, r.y, Math.max(40, r.width + x - startX), Math.max(40, r.height + y - startY));
        } else {
            state.ghost = new Rectangle(r.x + x - startX, r.y + y - startY, r.width, r.height);
            state.dropTarget = dragged instanceof Server ? DiagramHitTest.dropTargetAt(canvas.layout(), x, y)
                    : dragged instanceof Group ? DiagramHitTest.regionAt(canvas.layout(), x, y) : null;
        }
        canvas.redraw();
    }

    @Override
    public void up(int x, int y) {
        DiagramState state = canvas.state();
        Rectangle ghost = state.ghost;
        state.ghost = null;
        state.dropTarget = null;
        EObject what = dragged;
        dragged = null;
        if (what == null || !moved || ghost == null) {
            canvas.redraw();
            return;
        }
        TopologyEdits edits = canvas.site().edits();
        DiagramLayout layout = canvas.layout();
        if (what instanceof Server s) {
            canvas.site().execute(edits.moveServer(s, DiagramHitTest.dropTargetAt(layout, x, y)));
        } else if (what instanceof Group g) {
            Region target = resizing ? g.getRegion() : DiagramHitTest.regionAt(layout, x, y);
            if (target != null) {
                Rectangle rb = layout.bounds(target);
                canvas.site().execute(edits.moveGroup(g, target, new Rectangle(ghost.x - rb.x, ghost.y - rb.y, ghost.width, ghost.height)));
            }
        } else if (what instanceof Region r) {
            canvas.site().execute(edits.setBounds(r, new Rectangle(ghost.x - DiagramLayout.regionOriginX(), Math.max(0, ghost.y), ghost.width,
                    ghost.height), resizing ? "Resize " + r.getName() : "Move " + r.getName()));
        }
        canvas.redraw();
    }
}
