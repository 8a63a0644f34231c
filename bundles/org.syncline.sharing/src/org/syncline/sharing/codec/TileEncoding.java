package org.syncline.sharing.codec;

/**
 * The codes in {@link org.syncline.sharing.Tile#encoding()} and what each tile's data holds. All pixels are opaque:
 * colours travel as 3 bytes R, G, B and a decoder sets alpha to 0xff.
 */
public final class TileEncoding {

    /** One colour fills the tile: 3 bytes R, G, B. */
    public static final int SOLID = 1;
    /**
     * At most 256 colours: a zlib (Deflater) stream of: colour count minus one (1 byte), the colours (3 bytes each),
     * then each row of palette indices packed at 1, 2, 4 or 8 bits (for up to 2, 4, 16 or 256 colours), most
     * significant bits first, each row starting on a byte.
     */
    public static final int PALETTE_DEFLATE = 2;
    /** A zlib (Deflater) stream of every pixel as R, G, B, row after row. */
    public static final int RAW_DEFLATE = 3;
    /** A JPEG (JFIF) picture of the tile: lossy, only for photo-like tiles and only when the host allows it. */
    public static final int JPEG = 4;
    /**
     * A move, like VNC's CopyRect: the tile's rectangle takes the pixels of an equally big rectangle of the picture
     * as it is at this point of the update (before the tiles after this one), whose top-left corner the data gives as
     * x, y (2 bytes each, unsigned, big-endian). Source and target may overlap; the result is as if the source were
     * copied out first. Not bound to the tile size: a scrolled area moves in one piece. The encoder sends it for
     * scrolling, first in an update and never in a keyframe.
     */
    public static final int COPY = 5;
    /**
     * The bytes of {@link #PALETTE_DEFLATE} before zlib: for a small rectangle (a typed letter) zlib's own header,
     * checksum and block framing outweigh what it saves. Still read; the encoder sends {@link #PALETTE_PACKED}
     * instead.
     */
    public static final int PALETTE = 6;
    /**
     * {@link #PALETTE} with the indices packed as one run of bits over the whole tile, rows not starting on a byte:
     * a 4x9 letter's 36 one-bit indices take 5 bytes instead of 9. The encoder sends this, never {@link #PALETTE}
     * (still read), when a palette tile goes without zlib.
     */
    public static final int PALETTE_PACKED = 7;

    private TileEncoding() {
    }

    /** A name for messages ("code 9" for unknown codes). */
    public static String name(int code) {
        return switch (code) {
            case SOLID -> "solid";
            case PALETTE_DEFLATE -> "palette";
            case RAW_DEFLATE -> "raw";
            case JPEG -> "jpeg";
            case COPY -> "copy";
            case PALETTE -> "plain palette";
            case PALETTE_PACKED -> "packed palette";
            default -> "code " + code;
        };
    }

    /** Bits a palette index takes for {@code colours} colours. */
    static int indexBits(int colours) {
        return colours <= 2 ? 1 : colours <= 4 ? 2 : colours <= 16 ? 4 : 8;
    }

    /** Bytes {@code count} indices take packed as one run of bits ({@link #PALETTE_PACKED}). */
    static int packedBytes(int count, int bits) {
        return (count * bits + 7) / 8;
    }

    /** Bytes one packed row of {@code width} indices takes. */
    static int packedRowBytes(int width, int bits) {
        return (width * bits + 7) / 8;
    }
}
