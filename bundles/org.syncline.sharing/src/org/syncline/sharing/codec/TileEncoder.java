package org.syncline.sharing.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.Region;

/**
 * Turns successive captured frames into {@link FrameUpdate}s: the window in 64x64 tiles, only the tiles whose
 * pixels changed since the previous frame (looked for inside the dirty rectangles, or everywhere when the capture
 * knows none), every tile in a keyframe (the first frame, after a resize, and on {@link #requestKeyframe()}).
 * <p>
 * Each tile takes the smallest lossless encoding that fits it (solid colour, palette, raw; see
 * {@link TileEncoding}); when the host allows lossy encoding, tiles with more than 256 colours (photo-like) may go
 * as JPEG when that is smaller. Buffers are reused from frame to frame; one thread encodes.
 */
public final class TileEncoder {

    /** Side of a tile in pixels (edge tiles are smaller). */
    public static final int TILE = 64;
    private static final int MAX_PALETTE = 256;

    private final boolean lossy;
    private final TileJpeg jpeg;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final int[] tile = new int[TILE * TILE];
    private final int[] palette = new int[MAX_PALETTE];
    private final int[] slotColour = new int[MAX_PALETTE * 2];
    private final int[] slotIndex = new int[MAX_PALETTE * 2];
    private final int[] slotStamp = new int[MAX_PALETTE * 2];
    private int stamp;
    private final byte[] raw = new byte[1 + MAX_PALETTE * 3 + TILE * TILE * 3];
    private byte[] compressed = new byte[raw.length + 64];
    private int[] previous = new int[0];
    private int width;
    private int height;
    private long sequence;
    private volatile boolean keyframeRequested = true;

    /** A lossless encoder. */
    public TileEncoder() {
        this(false, 0.8f);
    }

    /**
     * @param lossy whether photo-like tiles may be sent as JPEG
     * @param jpegQuality 0.0-1.0, used only when {@code lossy}
     */
    public TileEncoder(boolean lossy, float jpegQuality) {
        if (jpegQuality < 0f || jpegQuality > 1f) {
            throw new IllegalArgumentException("JPEG quality " + jpegQuality + " is outside 0.0-1.0");
        }
        this.lossy = lossy;
        this.jpeg = lossy ? new TileJpeg(jpegQuality) : null;
    }

    /** Makes the next update a keyframe (a viewer joined late or lost track); safe from any thread. */
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    /**
     * Encodes one frame. An update without tiles means nothing changed; a caller may skip sending it.
     */
    public FrameUpdate encode(CapturedFrame frame) {
        boolean keyframe = keyframeRequested || frame.width() != width || frame.height() != height;
        keyframeRequested = false;
        if (frame.width() != width || frame.height() != height) {
            width = frame.width();
            height = frame.height();
            if (previous.length < width * height) {
                previous = new int[width * height];
            }
        }
        boolean everywhere = keyframe || !frame.damageKnown();
        List<Tile> tiles = new ArrayList<>();
        for (int ty = 0; ty < height; ty += TILE) {
            int th = Math.min(TILE, height - ty);
            for (int tx = 0; tx < width; tx += TILE) {
                int tw = Math.min(TILE, width - tx);
                if (!everywhere && !touched(frame.dirty(), tx, ty, tw, th)) {
                    continue;
                }
                if (!keyframe && !differs(frame, tx, ty, tw, th)) {
                    continue;
                }
                copyTile(frame, tx, ty, tw, th);
                tiles.add(encodeTile(tx, ty, tw, th));
            }
        }
        return new FrameUpdate(++sequence, frame.capturedAtMillis(), width, height, keyframe, tiles);
    }

    private static boolean touched(List<Region> dirty, int x, int y, int w, int h) {
        for (int i = 0; i < dirty.size(); i++) {
            if (dirty.get(i).intersects(x, y, w, h)) {
                return true;
            }
        }
        return false;
    }

    private boolean differs(CapturedFrame frame, int x, int y, int w, int h) {
        int[] pixels = frame.pixels();
        for (int row = y; row < y + h; row++) {
            int from = row * frame.stride() + x;
            int prev = row * width + x;
            if (Arrays.mismatch(pixels, from, from + w, previous, prev, prev + w) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Copies the tile into the contiguous tile buffer (opaque) and into the previous frame. */
    private void copyTile(CapturedFrame frame, int x, int y, int w, int h) {
        int[] pixels = frame.pixels();
        for (int row = 0; row < h; row++) {
            int from = (y + row) * frame.stride() + x;
            System.arraycopy(pixels, from, previous, (y + row) * width + x, w);
            int to = row * w;
            for (int i = 0; i < w; i++) {
                tile[to + i] = pixels[from + i] | 0xff000000;
            }
        }
    }

    private Tile encodeTile(int x, int y, int w, int h) {
        int count = w * h;
        int first = tile[0];
        boolean solid = true;
        for (int i = 1; i < count && solid; i++) {
            solid = tile[i] == first;
        }
        if (solid) {
            byte[] data = { (byte) (first >> 16), (byte) (first >> 8), (byte) first };
            return new Tile(x, y, w, h, TileEncoding.SOLID, data);
        }
        int colours = buildPalette(count);
        if (colours > 0) {
            return new Tile(x, y, w, h, TileEncoding.PALETTE_DEFLATE, deflate(packPalette(colours, w, h)));
        }
        for (int i = 0; i < count; i++) {
            int p = tile[i];
            raw[i * 3] = (byte) (p >> 16);
            raw[i * 3 + 1] = (byte) (p >> 8);
            raw[i * 3 + 2] = (byte) p;
        }
        byte[] lossless = deflate(count * 3);
        if (lossy) {
            byte[] photo = jpeg.encode(tile, w, h);
            if (photo.length < lossless.length) {
                return new Tile(x, y, w, h, TileEncoding.JPEG, photo);
            }
        }
        return new Tile(x, y, w, h, TileEncoding.RAW_DEFLATE, lossless);
    }

    /** Fills {@link #palette} and returns the colour count, or 0 when the tile has more than 256 colours. */
    private int buildPalette(int count) {
        stamp++;
        int colours = 0;
        for (int i = 0; i < count; i++) {
            int c = tile[i];
            int slot = slotOf(c);
            if (slotStamp[slot] != stamp) {
                if (colours == MAX_PALETTE) {
                    return 0;
                }
                slotStamp[slot] = stamp;
                slotColour[slot] = c;
                slotIndex[slot] = colours;
                palette[colours++] = c;
            }
        }
        return colours;
    }

    private int slotOf(int colour) {
        int mask = slotColour.length - 1;
        int slot = (colour * 0x9E3779B1) >>> 23 & mask;
        while (slotStamp[slot] == stamp && slotColour[slot] != colour) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Writes count, colours and packed indices into {@link #raw}; returns the length. */
    private int packPalette(int colours, int w, int h) {
        raw[0] = (byte) (colours - 1);
        int at = 1;
        for (int i = 0; i < colours; i++) {
            int c = palette[i];
            raw[at++] = (byte) (c >> 16);
            raw[at++] = (byte) (c >> 8);
            raw[at++] = (byte) c;
        }
        int bits = TileEncoding.indexBits(colours);
        int rowBytes = TileEncoding.packedRowBytes(w, bits);
        Arrays.fill(raw, at, at + rowBytes * h, (byte) 0);
        for (int row = 0; row < h; row++) {
            int rowStart = at + row * rowBytes;
            for (int col = 0; col < w; col++) {
                int index = slotIndex[slotOf(tile[row * w + col])];
                int bit = col * bits;
                raw[rowStart + (bit >> 3)] |= (byte) (index << (8 - bits - (bit & 7)));
            }
        }
        return at + rowBytes * h;
    }

    private byte[] deflate(int length) {
        deflater.reset();
        deflater.setInput(raw, 0, length);
        deflater.finish();
        int size = 0;
        while (!deflater.finished()) {
            if (size == compressed.length) {
                compressed = Arrays.copyOf(compressed, compressed.length * 2);
            }
            size += deflater.deflate(compressed, size, compressed.length - size);
        }
        return Arrays.copyOf(compressed, size);
    }
}
