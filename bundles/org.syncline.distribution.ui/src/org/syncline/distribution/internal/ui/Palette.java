package org.syncline.distribution.internal.ui;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.syncline.distribution.internal.ui.diagram.TopologyCanvas;

/**
 * The strip above the canvas: the tools that create regions, groups, servers and routes (a click on the canvas
 * places the element, a drag draws the route), then layout, zoom and export. Each has a key (see the tooltips).
 */
final class Palette {
    Palette(Composite parent, TopologyEditor editor) {
        ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.WRAP | SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        item(bar, "Select", "Select, move and resize (Esc)", () -> canvas(editor).useSelectTool());
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, "+ Region", "Click on the canvas to place a region (Ctrl+Shift+1 adds one)", () -> canvas(editor).useCreateTool("region"));
        item(bar, "+ Group", "Click in a region to place a group (Ctrl+Shift+2 adds one to the selected region)",
                () -> canvas(editor).useCreateTool("group"));
        item(bar, "+ Server", "Click in a group or the Unassigned pool to place a server (Ctrl+Shift+3 adds one to the selection)",
                () -> canvas(editor).useCreateTool("server"));
        item(bar, "Route", "Drag from one server or group to another (Ctrl+Shift+R)", () -> canvas(editor).useRouteTool());
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, "Layout", "Automatic layout (Ctrl+Shift+L)", () -> editor.execute(editor.edits().autoLayout()));
        item(bar, "Zoom In", "Zoom in (+)", () -> canvas(editor).zoomBy(1));
        item(bar, "Zoom Out", "Zoom out (-)", () -> canvas(editor).zoomBy(-1));
        item(bar, "Fit", "Fit to window (Ctrl+0)", () -> canvas(editor).fit());
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, "PNG...", "Export as PNG (Ctrl+Shift+P)", () -> editor.export("png"));
        item(bar, "SVG...", "Export as SVG (Ctrl+Shift+G)", () -> editor.export("svg"));
    }

    private static TopologyCanvas canvas(TopologyEditor editor) {
        return editor.canvas();
    }

    private static void item(ToolBar bar, String text, String tip, Runnable action) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.addListener(SWT.Selection, e -> action.run());
    }
}
