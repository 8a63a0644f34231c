package org.syncline.sync;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkReader;
import org.syncline.core.chunk.ChunkRef;

/**
 * A file's chunk list as a stream ({@link SyncMessages#CHUNK_LIST_PUT}), for a file whose list is more than a commit
 * request may carry (about 10 GiB of content against a 16 MiB frame). Each entry: the chunk's SHA-256 (32 bytes),
 * its length (4 bytes, big-endian, 1 to {@link ChunkReader#MAX_SIZE}). The stream ends after the last entry; the
 * list is named by the SHA-256 of the stream.
 */
public final class ChunkList {
    /** Bytes an entry takes. */
    public static final int ENTRY = 32 + 4;
    /**
     * The longest list the hub takes: about 930,000 chunks, 57 GiB of content at the average chunk (the hub holds a
     * list whole while it commits it: ~200 bytes a chunk).
     */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    private ChunkList() {
    }

    public static byte[] write(List<ChunkRef> chunks) {
        ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(chunks.size(), ENTRY));
        HexFormat hex = HexFormat.of();
        for (ChunkRef c : chunks) {
            out.put(hex.parseHex(c.sha256()));
            out.putInt(c.length());
        }
        return out.array();
    }

    /**
     * Reads a list of at most {@link #MAX_BYTES}; a stream that is not whole entries, names a chunk of an impossible
     * length, or is longer is refused with a sentence that says so.
     */
    public static List<ChunkRef> read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        List<ChunkRef> out = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        byte[] hash = new byte[32];
        long read = 0;
        while (true) {
            int first = data.read();
            if (first < 0) {
                return out;
            }
            read += ENTRY;
            if (read > MAX_BYTES) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "A chunk list is at most " + MAX_BYTES / ENTRY + " chunks ("
                        + MAX_BYTES + " bytes).");
            }
            hash[0] = (byte) first;
            int length;
            try {
                data.readFully(hash, 1, hash.length - 1);
                length = data.readInt();
            } catch (EOFException e) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "A chunk list ends inside its entry " + (out.size() + 1)
                        + "; each entry is " + ENTRY + " bytes.");
            }
            if (length < 1 || length > ChunkReader.MAX_SIZE) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "Entry " + (out.size() + 1) + " of a chunk list names a chunk of "
                        + length + " bytes; a chunk is 1 to " + ChunkReader.MAX_SIZE + " bytes.");
            }
            out.add(new ChunkRef(hex.formatHex(hash), length));
        }
    }

    /** The name of a list: the SHA-256 of its stream. */
    public static String name(byte[] stream) {
        return Sha256.hex(stream);
    }
}
