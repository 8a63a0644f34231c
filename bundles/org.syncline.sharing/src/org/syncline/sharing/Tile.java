package org.syncline.sharing;

import java.util.Objects;

/**
 * One rectangle of a shared window's picture, already encoded by the host's codec. The relay never looks inside
 * {@code data}; it only needs the position to keep the newest tile per place for viewers that skip frames or join
 * late.
 *
 * @param x left edge in window pixels
 * @param y top edge in window pixels
 * @param width width in pixels (at most {@link FrameUpdate#MAX_DIMENSION})
 * @param height height in pixels
 * @param encoding the codec's code for how {@code data} is encoded (0-255; the codec defines the values)
 * @param data the encoded pixels
 */
public record Tile(int x, int y, int width, int height, int encoding, byte[] data) {

    public Tile {
        Objects.requireNonNull(data, "data");
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("tile " + x + "," + y + " " + width + "x" + height + " is not a rectangle");
        }
        if (encoding < 0 || encoding > 255) {
            throw new IllegalArgumentException("tile encoding " + encoding + " is outside 0-255");
        }
    }

    /** Where this tile sits, as a key: tiles at the same place replace each other. */
    public long place() {
        return ((long) x << 32) | (y & 0xffffffffL);
    }
}
