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
 * Wire form (big-endian): magic {@code "SLF1"}, sequence (long), captured-at epoch millis (long), width (int),
 * height (int), keyframe (byte 0/1), tile count (int), then per tile x, y, width, height (int each), encoding
 * (unsigned byte), data length (int), data.
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
    private static final int MAGIC = 0x534c4631; // "SLF1"

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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + tiles.stream().mapToInt(t -> t.data().length + 21).sum());
        try {
            writeTo(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    public void writeTo(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        out.writeLong(sequence);
        out.writeLong(capturedAtMillis);
        out.writeInt(width);
        out.writeInt(height);
        out.writeByte(keyframe ? 1 : 0);
        out.writeInt(tiles.size());
        for (Tile tile : tiles) {
            out.writeInt(tile.x());
            out.writeInt(tile.y());
            out.writeInt(tile.width());
            out.writeInt(tile.height());
            out.writeByte(tile.encoding());
            out.writeInt(tile.data().length);
            out.write(tile.data());
        }
        out.flush();
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
        if (in.readInt() != MAGIC) {
            throw malformed("it does not start with the frame marker");
        }
        long sequence = in.readLong();
        long capturedAt = in.readLong();
        int width = in.readInt();
        int height = in.readInt();
        int keyframeByte = in.readUnsignedByte();
        if (keyframeByte > 1) {
            throw malformed("the keyframe flag is " + keyframeByte);
        }
        int count = in.readInt();
        // Each tile takes at least 21 bytes, so a count beyond that is a lie about the payload.
        if (count < 0 || count > available / 21) {
            throw malformed("it claims " + count + " tiles");
        }
        List<Tile> tiles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int x = in.readInt();
            int y = in.readInt();
            int w = in.readInt();
            int h = in.readInt();
            int encoding = in.readUnsignedByte();
            int length = in.readInt();
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

    private static SynclineException malformed(String why) {
        return new SynclineException(ErrorCode.PROTOCOL_ERROR, "Frame update refused: " + why + ".");
    }
}
