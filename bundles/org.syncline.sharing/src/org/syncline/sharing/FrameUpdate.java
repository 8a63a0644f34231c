package org.syncline.sharing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * What the host sends for one captured frame: the window's current size and the tiles that changed (all tiles
 * when {@code keyframe}). This container is shared by the host's encoder, the relay (which merges updates for
 * slow and late viewers without decoding pixels) and the viewer's decoder.
 * <p>
 * Wire form, written: magic {@code "SLF2"}, then sequence, captured-at epoch millis, width, height as unsigned
 * varints (7 bits a byte, low bits first, high bit set on all but the last byte), keyframe (byte 0/1), tile count
 * (varint), then per tile x, y, width, height (varints), encoding (unsigned byte), data length (varint), data: a
 * typing update of one small tile costs about 25 bytes of framing. Also read: the first form, magic
 * {@code "SLF1"} (big-endian): sequence (long), captured-at (long), width, height (int), keyframe (byte), tile count
 * (int), then per tile x, y, width, height (int each), encoding (unsigned byte), data length (int), data.
 *
 * @param sequence increasing number the host gives each frame
 * @param capturedAtMillis when the host captured the pixels (epoch millis), for capture-to-paint latency
 * @param width window width in pixels
 * @param height window height in pixels
 * @param keyframe true when the tiles cover the whole window, so a viewer can start from this update alone
 * @param tiles the changed tiles, each inside {@code width x height}
 */
public record FrameUpdate(long sequence, long capturedAtMillis, int width, int height, boolean keyframe,
        List<Tile> tiles) {

    /** Largest window side accepted (pixels); bigger claims are malformed input, not a window. */
    public static final int MAX_DIMENSION = 16_384;
    /** Largest encoded update accepted, matching the protocol's default frame limit. */
    public static final int MAX_ENCODED_BYTES = 16 * 1024 * 1024;
    private static final int MAGIC_FIXED = 0x534c4631; // "SLF1"
    private static final int MAGIC = 0x534c4632; // "SLF2"

    public FrameUpdate {
        if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("window size " + width + "x" + height + " is outside 1-" + MAX_DIMENSION);
        }
        tiles = List.copyOf(tiles);
        for (Tile tile : tiles) {
            if ((long) tile.x() + tile.width() > width || (long) tile.y() + tile.height() > height) {
                throw new IllegalArgumentException("tile at " + tile.x() + "," + tile.y() + " " + tile.width() + "x"
                        + tile.height() + " lies outside the " + width + "x" + height + " window");
            }
        }
    }

    /** The encoded bytes of this update. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + tiles.stream().mapToInt(t -> t.data().length + 12).sum());
        try {
            writeTo(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The number of bytes {@link #toBytes()} gives, without encoding. */
    public long encodedSize() {
        long size = 4 + varLength(sequence) + varLength(capturedAtMillis) + varLength(width) + varLength(height) + 1
                + varLength(tiles.size());
        for (Tile t : tiles) {
            size += varLength(t.x()) + varLength(t.y()) + varLength(t.width()) + varLength(t.height()) + 1
                    + varLength(t.data().length) + t.data().length;
        }
        return size;
    }

    private static int varLength(long value) {
        int bytes = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            bytes++;
        }
        return bytes;
    }

    public void writeTo(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        writeVarLong(out, sequence);
        writeVarLong(out, capturedAtMillis);
        writeVarLong(out, width);
        writeVarLong(out, height);
        out.writeByte(keyframe ? 1 : 0);
        writeVarLong(out, tiles.size());
        for (Tile tile : tiles) {
            writeVarLong(out, tile.x());
            writeVarLong(out, tile.y());
            writeVarLong(out, tile.width());
            writeVarLong(out, tile.height());
            out.writeByte(tile.encoding());
            writeVarLong(out, tile.data().length);
            out.write(tile.data());
        }
        out.flush();
    }

    private static void writeVarLong(DataOutputStream out, long value) throws IOException {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.writeByte((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    /**
     * Reads an update, refusing anything malformed with {@link ErrorCode#PROTOCOL_ERROR} and a sentence naming the
     * problem (never an exception a user would see as a stack trace).
     */
    public static FrameUpdate fromBytes(byte[] encoded) {
        if (encoded.length > MAX_ENCODED_BYTES) {
            throw malformed("it is " + encoded.length + " bytes, more than the " + MAX_ENCODED_BYTES + " allowed");
        }
        try {
            return readFrom(new java.io.ByteArrayInputStream(encoded), encoded.length);
        } catch (EOFException e) {
            throw malformed("it ends early");
        } catch (IOException e) {
            throw malformed(e.getMessage());
        }
    }

    private static FrameUpdate readFrom(InputStream source, int available) throws IOException {
        DataInputStream in = new DataInputStream(source);
        int magic = in.readInt();
        if (magic != MAGIC && magic != MAGIC_FIXED) {
            throw malformed("it does not start with the frame marker");
        }
        boolean fixed = magic == MAGIC_FIXED;
        long sequence = fixed ? in.readLong() : readVarLong(in);
        long capturedAt = fixed ? in.readLong() : readVarLong(in);
        int width = fixed ? in.readInt() : readVarInt(in);
        int height = fixed ? in.readInt() : readVarInt(in);
        int keyframeByte = in.readUnsignedByte();
        if (keyframeByte > 1) {
            throw malformed("the keyframe flag is " + keyframeByte);
        }
        int count = fixed ? in.readInt() : readVarInt(in);
        // Each tile takes at least 21 bytes (7 in the varint form), so a count beyond that is a lie about the payload.
        if (count < 0 || count > available / (fixed ? 21 : 7)) {
            throw malformed("it claims " + count + " tiles");
        }
        List<Tile> tiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int x = fixed ? in.readInt() : readVarInt(in);
            int y = fixed ? in.readInt() : readVarInt(in);
            int w = fixed ? in.readInt() : readVarInt(in);
            int h = fixed ? in.readInt() : readVarInt(in);
            int encoding = in.readUnsignedByte();
            int length = fixed ? in.readInt() : readVarInt(in);
            if (length < 0 || length > available) {
                throw malformed("tile " + i + " claims " + length + " bytes");
            }
            byte[] data = in.readNBytes(length);
            if (data.length != length) {
                throw new EOFException();
            }
            try {
                tiles.add(new Tile(x, y, w, h, encoding, data));
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
        }
        if (in.read() != -1) {
            throw malformed("bytes follow the last tile");
        }
        try {
            return new FrameUpdate(sequence, capturedAt, width, height, keyframeByte == 1, tiles);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw malformed("a number in it is longer than 64 bits");
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        long value = readVarLong(in);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw malformed("it holds a number (" + Long.toUnsignedString(value) + ") beyond any size, position or count");
        }
        return (int) value;
    }

    private static SynclineException malformed(String why) {
        return new SynclineException(ErrorCode.PROTOCOL_ERROR, "Frame update refused: " + why + ".");
    }
}
