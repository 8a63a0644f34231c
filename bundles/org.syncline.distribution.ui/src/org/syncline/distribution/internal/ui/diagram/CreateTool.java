package org.syncline.distribution.internal.ui.diagram;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.graphics.Rectangle;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;

/**
 * Creates an element where the user clicks: a region on the background, a group in a region, a server in a
 * group or in the Unassigned pool. The canvas goes back to selecting afterwards.
 */
final class CreateTool implements DiagramTool {
    enum Kind { REGION, GROUP, SERVER }

    private final TopologyCanvas canvas;
    private final Kind kind;

    CreateTool(TopologyCanvas canvas, Kind kind) {
        this.canvas = canvas;
        this.kind = kind;
    }

    @Override
    public void down(int x, int y, boolean toggle) {
        DiagramLayout layout = canvas.layout();
        TopologyEdits edits = canvas.site().edits();
        switch (kind) {
            case REGION -> canvas.site().execute(edits.createRegion(x - DiagramLayout.regionOriginX(), y));
            case GROUP -> {
                Region r = DiagramHitTest.regionAt(layout, x, y);
                if (r != null) {
                    Rectangle rb = layout.bounds(r);
                    canvas.site().execute(edits.createGroup(r, x - rb.x, y - rb.y));
                }
            }
            case SERVER -> {
                EObject target = DiagramHitTest.dropTargetAt(layout, x, y);
                if (target instanceof Server s) {
                    target = s.getGroup();
                }
                if (target instanceof Group || target == layout.deployment()) {
                    canvas.site().execute(edits.createServer(target));
                }
            }
        }
        canvas.useSelectTool();
    }

    @Override
    public void drag(int x, int y) {
        // a click creates; nothing follows the mouse
    }

    @Override
    public void up(int x, int y) {
        // done on press
    }
}
