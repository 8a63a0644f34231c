package org.syncline.distribution.internal.ui.diagram;

/**
 * What the painter draws with, in diagram coordinates and 0xRRGGBB colours: an SWT GC on screen and for PNG,
 * SVG text for export, so both come from one drawing.
 */
public interface DiagramGraphics {
    void fillRect(int x, int y, int w, int h, int rgb);

    void drawRect(int x, int y, int w, int h, int rgb, int lineWidth);

    void drawLine(int x1, int y1, int x2, int y2, int rgb, int lineWidth);

    void fillPolygon(int[] xy, int rgb);

    /** Draws {@code text} with its top-left corner at x, y. */
    void drawText(String text, int x, int y, int rgb, boolean bold);

    int textWidth(String text, boolean bold);
}
