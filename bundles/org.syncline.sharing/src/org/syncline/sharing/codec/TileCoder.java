package org.syncline.sharing.codec;

import java.util.Arrays;
import java.util.zip.Deflater;

import org.syncline.sharing.Tile;

/**
 * Encodes single tiles: the smallest lossless encoding that fits (solid colour, palette, raw; see
 * {@link TileEncoding}), or JPEG for photo-like tiles when lossy encoding is allowed and smaller. Holds the buffers
 * for one thread; the encoder keeps one per encoding thread.
 */
final class TileCoder {
    private static final int MAX_PALETTE = 256;
    private static final int MAX_PIXELS = TileEncoder.TILE * TileEncoder.TILE;

    private final TileJpeg jpeg;
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private final int[] tile = new int[MAX_PIXELS];
    private final int[] palette = new int[MAX_PALETTE];
    private final int[] slotColour = new int[MAX_PALETTE * 2];
    private final int[] slotIndex = new int[MAX_PALETTE * 2];
    private final int[] slotStamp = new int[MAX_PALETTE * 2];
    private int stamp;
    private final byte[] raw = new byte[1 + MAX_PALETTE * 3 + MAX_PIXELS * 3];
    private byte[] compressed = new byte[raw.length + 64];

    /** @param jpeg the JPEG coder when lossy tiles are allowed, else null */
    TileCoder(TileJpeg jpeg) {
        this.jpeg = jpeg;
    }

    /** Encodes the w x h tile at (x, y) of {@code pixels} (a row of {@code stride} ints each); at most 64x64. */
    Tile encode(int[] pixels, int stride, int x, int y, int w, int h) {
        for (int row = 0; row < h; row++) {
            int from = (y + row) * stride + x;
            int to = row * w;
            for (int i = 0; i < w; i++) {
                tile[to + i] = pixels[from + i] | 0xff000000;
            }
        }
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
            int length = packPalette(colours, w, h, raw, true);
            byte[] packed = deflate(length);
            int bits = TileEncoding.indexBits(colours);
            int plainLength = 1 + colours * 3 + TileEncoding.packedBytes(w * h, bits);
            if (packed.length < plainLength) {
                return new Tile(x, y, w, h, TileEncoding.PALETTE_DEFLATE, packed);
            }
            byte[] plain = new byte[plainLength];
            packPalette(colours, w, h, plain, false);
            return new Tile(x, y, w, h, TileEncoding.PALETTE_PACKED, plain);
        }
        for (int i = 0; i < count; i++) {
            int p = tile[i];
            raw[i * 3] = (byte) (p >> 16);
            raw[i * 3 + 1] = (byte) (p >> 8);
            raw[i * 3 + 2] = (byte) p;
        }
        byte[] lossless = deflate(count * 3);
        if (jpeg != null) {
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
        int last = ~tile[0];
        for (int i = 0; i < count; i++) {
            int c = tile[i];
            if (c == last) {
                continue; // runs of one colour are the rule in UI pictures: skip the lookup
            }
            last = c;
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

    /**
     * Writes count, colours and packed indices into {@code target}: each row starting on a byte (the form zlib gets)
     * or as one run of bits ({@link TileEncoding#PALETTE_PACKED}); returns the length.
     */
    private int packPalette(int colours, int w, int h, byte[] target, boolean rowsOnBytes) {
        target[0] = (byte) (colours - 1);
        int at = 1;
        for (int i = 0; i < colours; i++) {
            int c = palette[i];
            target[at++] = (byte) (c >> 16);
            target[at++] = (byte) (c >> 8);
            target[at++] = (byte) c;
        }
        int bits = TileEncoding.indexBits(colours);
        int rowBits = rowsOnBytes ? TileEncoding.packedRowBytes(w, bits) * 8 : w * bits;
        int length = at + (rowsOnBytes ? rowBits / 8 * h : TileEncoding.packedBytes(w * h, bits));
        Arrays.fill(target, at, length, (byte) 0);
        for (int row = 0; row < h; row++) {
            int rowStart = at * 8 + row * rowBits;
            int last = ~tile[row * w];
            int index = 0;
            for (int col = 0; col < w; col++) {
                int c = tile[row * w + col];
                if (c != last) {
                    index = slotIndex[slotOf(c)];
                    last = c;
                }
                if (index != 0) {
                    int bit = rowStart + col * bits;
                    target[bit >> 3] |= (byte) (index << (8 - bits - (bit & 7)));
                }
            }
        }
        return length;
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
