package org.syncline.sharing.capture;

/**
 * A small picture of a window for a chooser: opaque ARGB pixels, row after row, no padding.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param argb {@code width * height} pixels
 */
public record Thumbnail(int width, int height, int[] argb) {

    public Thumbnail {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " thumbnail needs " + (long) width * height
                    + " pixels, not " + argb.length);
        }
    }
}
