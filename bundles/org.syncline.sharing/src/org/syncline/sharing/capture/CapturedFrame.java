package org.syncline.sharing.capture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pixels of one read of a capture plus what changed since the previous read. A {@link CaptureStream} reuses
 * the same instance and pixel array from read to read while the size stays the same (no per-frame garbage), so a
 * consumer finishes with one frame before reading the next.
 * <p>
 * Pixels are opaque ARGB ints; the pixel at (x, y) is {@code pixels()[y * stride() + x]}.
 */
public final class CapturedFrame {

    private int[] pixels = new int[0];
    private int width;
    private int height;
    private int stride;
    private long capturedAtMillis;
    private boolean damageKnown;
    private final List<Region> dirty = new ArrayList<>();
    private final List<Region> dirtyView = Collections.unmodifiableList(dirty);

    public int[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int stride() {
        return stride;
    }

    public long capturedAtMillis() {
        return capturedAtMillis;
    }

    /**
     * True when {@link #dirty()} lists every changed rectangle (the platform tracks damage); false when nothing is
     * known and a consumer must compare every pixel with the previous frame.
     */
    public boolean damageKnown() {
        return damageKnown;
    }

    /** The rectangles that changed since the previous read (meaningful only when {@link #damageKnown()}). */
    public List<Region> dirty() {
        return dirtyView;
    }

    /**
     * Prepares this frame for a {@code width x height} picture, keeping the pixel array when it is big enough,
     * and forgets the previous dirty rectangles. For capture implementations.
     */
    public int[] reset(int newWidth, int newHeight, long atMillis, boolean damageTracked) {
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("a frame of " + newWidth + "x" + newHeight + " has no pixels");
        }
        int needed = Math.multiplyExact(newWidth, newHeight);
        if (pixels.length < needed) {
            pixels = new int[needed];
        }
        width = newWidth;
        height = newHeight;
        stride = newWidth;
        capturedAtMillis = atMillis;
        damageKnown = damageTracked;
        dirty.clear();
        return pixels;
    }

    /** Records a changed rectangle, clipped to the frame. For capture implementations. */
    public void addDirty(int x, int y, int w, int h) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(width, x + w);
        int bottom = Math.min(height, y + h);
        if (right > left && bottom > top) {
            dirty.add(new Region(left, top, right - left, bottom - top));
        }
    }

    /** Builds a frame from pixels a caller already holds (tests, non-native sources); the array is used as is. */
    public static CapturedFrame of(int[] argb, int width, int height, boolean damageKnown, List<Region> dirty) {
        if (argb.length < (long) width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + (long) width * height
                    + " pixels, not " + argb.length);
        }
        CapturedFrame frame = new CapturedFrame();
        frame.pixels = argb;
        frame.reset(width, height, System.currentTimeMillis(), damageKnown);
        for (Region r : dirty) {
            frame.addDirty(r.x(), r.y(), r.width(), r.height());
        }
        return frame;
    }
}
