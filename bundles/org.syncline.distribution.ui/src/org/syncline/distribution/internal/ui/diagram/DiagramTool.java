package org.syncline.distribution.internal.ui.diagram;

/** What the mouse does on the canvas: select and move, draw a route, or create an element. Diagram coordinates. */
public interface DiagramTool {
    void down(int x, int y, boolean toggle);

    void drag(int x, int y);

    void up(int x, int y);
}
