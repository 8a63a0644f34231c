package org.syncline.sharing.internal.ui;

import org.eclipse.swt.graphics.Rectangle;

/** Scaling a picture into an area with its aspect ratio kept, centred, and back from area to picture coordinates. */
public final class Fit {
    private Fit() {
    }

    /** Where a {@code width x height} picture is drawn in a {@code areaWidth x areaHeight} area. */
    public static Rectangle into(int width, int height, int areaWidth, int areaHeight) {
        if (width <= 0 || height <= 0 || areaWidth <= 0 || areaHeight <= 0) {
            return new Rectangle(0, 0, 0, 0);
        }
        double scale = Math.min((double) areaWidth / width, (double) areaHeight / height);
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        return new Rectangle((areaWidth - w) / 2, (areaHeight - h) / 2, w, h);
    }

    /** The picture coordinate under area coordinate {@code at}, along one axis (may lie outside the picture). */
    public static int back(int at, int offset, int drawn, int size) {
        if (drawn <= 0) {
            return 0;
        }
        return (int) Math.floor((at - offset) * (double) size / drawn);
    }
}
