package org.syncline.sharing.capture;

/**
 * A rectangle in window (or screen) pixels: a window's bounds, or a part of a frame that changed.
 *
 * @param x left edge
 * @param y top edge
 * @param width width in pixels (may be 0 for an empty region)
 * @param height height in pixels
 */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("region " + width + "x" + height + " has a negative side");
        }
    }

    public boolean contains(int px, int py) {
        return px >= x && py >= y && px - x < width && py - y < height;
    }

    /** True when the two rectangles share at least one pixel. */
    public boolean intersects(int ox, int oy, int owidth, int oheight) {
        return ox < x + width && x < ox + owidth && oy < y + height && y < oy + oheight && width > 0 && height > 0
                && owidth > 0 && oheight > 0;
    }
}
