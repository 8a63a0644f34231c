package org.syncline.sharing.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;

/**
 * A viewer's picture of the shared window: applies {@link FrameUpdate}s to a framebuffer of opaque ARGB ints
 * (row after row, {@link #width()} a row) that the viewer paints. The first update, and any update that changes
 * the size, must be a keyframe. Malformed tiles are refused with {@code PROTOCOL_ERROR} and a sentence; tiles
 * before the bad one stay applied, so a viewer asks for a keyframe after an error. One thread applies updates.
 */
public final class TileDecoder {

    private final Inflater inflater = new Inflater();
    private byte[] inflated = new byte[0];
    private int[] tilePixels = new int[0];
    private int[] framebuffer = new int[0];
    private int width;
    private int height;

    public int[] framebuffer() {
        return framebuffer;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Applies one update to the framebuffer. */
    public void apply(FrameUpdate update) {
        if (update.width() != width || update.height() != height) {
            if (!update.keyframe()) {
                throw refused("an update for a " + update.width() + "x" + update.height()
                        + " window arrived before its keyframe");
            }
            width = update.width();
            height = update.height();
            framebuffer = new int[width * height];
        }
        for (Tile tile : update.tiles()) {
            if (tile.encoding() == TileEncoding.COPY) {
                copy(tile);
                continue;
            }
            decode(tile);
            int w = tile.width();
            for (int row = 0; row < tile.height(); row++) {
                System.arraycopy(tilePixels, row * w, framebuffer, (tile.y() + row) * width + tile.x(), w);
            }
        }
    }

    private void copy(Tile tile) {
        byte[] data = tile.data();
        if (data.length != 4) {
            throw refused(tile, "a move takes 4 bytes, not " + data.length);
        }
        int sx = moveSourceX(tile);
        int sy = moveSourceY(tile);
        if (sx + tile.width() > width || sy + tile.height() > height) {
            throw refused(tile, "its source " + sx + "," + sy + " " + tile.width() + "x" + tile.height()
                    + " lies outside the " + width + "x" + height + " picture");
        }
        move(framebuffer, width, sx, sy, tile.x(), tile.y(), tile.width(), tile.height());
    }

    /** The left of a {@link TileEncoding#COPY} tile's source (its 4 bytes checked by the caller). */
    static int moveSourceX(Tile tile) {
        return (tile.data()[0] & 0xff) << 8 | tile.data()[1] & 0xff;
    }

    /** The top of a {@link TileEncoding#COPY} tile's source. */
    static int moveSourceY(Tile tile) {
        return (tile.data()[2] & 0xff) << 8 | tile.data()[3] & 0xff;
    }

    /**
     * Moves the w x h rectangle at (sx, sy) of {@code pixels} (rows of {@code stride}) to (x, y), as if it were copied
     * out first: rows go in the order that never overwrites a source row before it is read.
     */
    static void move(int[] pixels, int stride, int sx, int sy, int x, int y, int w, int h) {
        if (y > sy) {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(pixels, (sy + row) * stride + sx, pixels, (y + row) * stride + x, w);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(pixels, (sy + row) * stride + sx, pixels, (y + row) * stride + x, w);
            }
        }
    }

    /** Decodes one tile into {@link #tilePixels}. */
    private void decode(Tile tile) {
        int w = tile.width();
        int h = tile.height();
        if ((long) w * h > 4L * TileEncoder.TILE * TileEncoder.TILE) {
            throw refused(tile, "it is " + w + "x" + h + ", larger than a tile can be");
        }
        if (tilePixels.length < w * h) {
            tilePixels = new int[w * h];
        }
        byte[] data = tile.data();
        switch (tile.encoding()) {
            case TileEncoding.SOLID -> {
                if (data.length != 3) {
                    throw refused(tile, "a solid colour takes 3 bytes, not " + data.length);
                }
                java.util.Arrays.fill(tilePixels, 0, w * h, rgb(data, 0));
            }
            case TileEncoding.RAW_DEFLATE -> {
                inflate(tile, w * h * 3, w * h * 3);
                for (int i = 0; i < w * h; i++) {
                    tilePixels[i] = rgb(inflated, i * 3);
                }
            }
            case TileEncoding.PALETTE_DEFLATE -> {
                int length = inflate(tile, 1 + 3 + TileEncoding.packedRowBytes(w, 1) * h,
                        1 + 256 * 3 + TileEncoding.packedRowBytes(w, 8) * h);
                decodePalette(tile, w, h, inflated, length, true); // inflate may have replaced the buffer
            }
            case TileEncoding.PALETTE, TileEncoding.PALETTE_PACKED -> {
                if (data.length == 0) {
                    throw refused(tile, "its palette data is empty");
                }
                decodePalette(tile, w, h, data, data.length, tile.encoding() == TileEncoding.PALETTE);
            }
            case TileEncoding.JPEG -> {
                String problem = TileJpeg.decode(data, w, h, tilePixels);
                if (problem != null) {
                    throw refused(tile, problem);
                }
            }
            default -> throw refused(tile, "its encoding " + TileEncoding.name(tile.encoding()) + " is unknown");
        }
    }

    /**
     * Decodes palette data: {@code length} bytes of {@code packed} (inflated, or the tile's own plain data), its rows
     * of indices each starting on a byte or packed as one run of bits.
     */
    private void decodePalette(Tile tile, int w, int h, byte[] packed, int length, boolean rowsOnBytes) {
        int colours = (packed[0] & 0xff) + 1;
        int bits = TileEncoding.indexBits(colours);
        int rowBits = rowsOnBytes ? TileEncoding.packedRowBytes(w, bits) * 8 : w * bits;
        int indices = 1 + colours * 3;
        int expected = indices + (rowsOnBytes ? rowBits / 8 * h : TileEncoding.packedBytes(w * h, bits));
        if (length != expected) {
            throw refused(tile, "its palette data is " + length + " bytes, not the " + expected + " that "
                    + colours + " colours need");
        }
        int mask = (1 << bits) - 1;
        for (int row = 0; row < h; row++) {
            int rowStart = indices * 8 + row * rowBits;
            for (int col = 0; col < w; col++) {
                int bit = rowStart + col * bits;
                int index = (packed[bit >> 3] >> (8 - bits - (bit & 7))) & mask;
                if (index >= colours) {
                    throw refused(tile, "a pixel names colour " + index + " of a " + colours + "-colour palette");
                }
                tilePixels[row * w + col] = rgb(packed, 1 + index * 3);
            }
        }
    }

    /** Inflates the tile's data into {@link #inflated}, which must come to between min and max bytes. */
    private int inflate(Tile tile, int min, int max) {
        if (inflated.length < max + 1) {
            inflated = new byte[max + 1];
        }
        inflater.reset();
        inflater.setInput(tile.data());
        int length;
        try {
            length = 0;
            while (!inflater.finished() && length <= max) {
                int n = inflater.inflate(inflated, length, max + 1 - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw refused(tile, "its zlib data ends early");
                }
                length += n;
            }
        } catch (DataFormatException e) {
            throw refused(tile, "its data is not valid zlib data");
        }
        if (length > max || !inflater.finished()) {
            throw refused(tile, "its data unpacks to more than the " + max + " bytes a " + tile.width() + "x"
                    + tile.height() + " tile can hold");
        }
        if (length < min) {
            throw refused(tile, "its data unpacks to " + length + " bytes, fewer than the " + min + " it needs");
        }
        if (inflater.getRemaining() > 0) {
            throw refused(tile, "bytes follow its zlib data");
        }
        return length;
    }

    private static int rgb(byte[] bytes, int at) {
        return 0xff000000 | (bytes[at] & 0xff) << 16 | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff);
    }

    private static SynclineException refused(Tile tile, String why) {
        return refused("the tile at " + tile.x() + "," + tile.y() + " (" + TileEncoding.name(tile.encoding()) + ") is malformed: "
                + why);
    }

    private static SynclineException refused(String why) {
        return new SynclineException(ErrorCode.PROTOCOL_ERROR, "Frame update refused: " + why + ".");
    }
}
