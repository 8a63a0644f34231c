package org.syncline.distribution.internal.ui;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.syncline.distribution.internal.ui.diagram.TopologyCanvas;

/**
 * The strip above the canvas: the tools that create regions, groups, servers and routes (a click on the canvas
 * places the element, a drag draws the route), then layout, zoom and export. The tools are buttons of which
 * one is down: the tool in use. Each has a key (see the tooltips).
 */
final class Palette {
    private final Map<String, ToolItem> tools = new HashMap<>();

    Palette(Composite parent, TopologyEditor editor) {
        ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.WRAP | SWT.RIGHT);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        PaletteIcons icons = new PaletteIcons(parent.getDisplay());
        bar.addListener(SWT.Dispose, e -> icons.dispose());
        tool(bar, "select", "Select", icons.select(), "Select, move and resize (Esc)", () -> canvas(editor).useSelectTool());
        new ToolItem(bar, SWT.SEPARATOR);
        tool(bar, "region", "Region", icons.region(), "Click on the canvas to place a region (Ctrl+Shift+1 adds one)",
                () -> canvas(editor).useCreateTool("region"));
        tool(bar, "group", "Group", icons.group(), "Click in a region to place a group (Ctrl+Shift+2 adds one to the selected region)",
                () -> canvas(editor).useCreateTool("group"));
        tool(bar, "server", "Server", icons.server(), "Click in a group or the Unassigned pool to place a server (Ctrl+Shift+3 adds one to the selection)",
                () -> canvas(editor).useCreateTool("server"));
        tool(bar, "route", "Route", icons.route(), "Drag from one server or group to another (Ctrl+Shift+R)", () -> canvas(editor).useRouteTool());
        tools.get("select").setSelection(true);
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, "Arrange All", icons.layout(), "Arrange All: lay out regions, groups and routes (Ctrl+Shift+L)", () -> editor.execute(editor.edits().arrangeAll()));
        item(bar, null, icons.zoom(true), "Zoom in (+)", () -> canvas(editor).zoomBy(1));
        item(bar, null, icons.zoom(false), "Zoom out (-)", () -> canvas(editor).zoomBy(-1));
        item(bar, null, icons.fit(), "Fit to window (Ctrl+0)", () -> canvas(editor).fit());
        new ToolItem(bar, SWT.SEPARATOR);
        item(bar, "PNG...", icons.export(), "Export as PNG (Ctrl+Shift+P)", () -> editor.export("png"));
        item(bar, "SVG...", icons.export(), "Export as SVG (Ctrl+Shift+G)", () -> editor.export("svg"));
    }

    /** Keeps the pressed tool button in step with the canvas (a placed element, or Esc, returns to Select). */
    void follow(TopologyCanvas canvas) {
        canvas.onToolChanged(kind -> tools.forEach((k, item) -> {
            if (!item.isDisposed()) {
                item.setSelection(k.equals(kind));
            }
        }));
    }

    private static TopologyCanvas canvas(TopologyEditor editor) {
        return editor.canvas();
    }

    private void tool(ToolBar bar, String kind, String text, Image icon, String tip, Runnable action) {
        ToolItem item = new ToolItem(bar, SWT.RADIO);
        item.setText(text);
        item.setImage(icon);
        item.setToolTipText(tip);
        item.addListener(SWT.Selection, e -> {
            if (item.getSelection()) {
                action.run();
            }
        });
        tools.put(kind, item);
    }

    private static void item(ToolBar bar, String text, Image icon, String tip, Runnable action) {
        ToolItem item = new ToolItem(bar, SWT.PUSH);
        if (text != null) {
            item.setText(text);
        }
        item.setImage(icon);
        item.setToolTipText(tip);
        item.addListener(SWT.Selection, e -> action.run());
    }
}
