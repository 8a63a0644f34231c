package org.syncline.core.chunk;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

import org.syncline.core.Sha256;

/**
 * Content-defined chunking (FastCDC with normalized chunking): a gear hash over the bytes decides where a
 * chunk ends, so an edit inside a big file moves only the boundaries near it and the other chunks keep their
 * hashes. Chunks are 16 KiB to 256 KiB, 64 KiB on average. It streams: at most one chunk's maximum is
 * buffered, whatever the size of the input.
 */
public final class ChunkReader {
    public static final int MIN_SIZE = 16 * 1024;
    public static final int AVG_SIZE = 64 * 1024;
    public static final int MAX_SIZE = 256 * 1024;
    /** Before the average size a boundary needs more zero bits (rarer), after it fewer: sizes cluster near the average. */
    private static final long MASK_SMALL = -1L << (64 - 18);
    private static final long MASK_LARGE = -1L << (64 - 14);
    private static final long[] GEAR = gear();

    private final InputStream in;
    private final byte[] buf = new byte[MAX_SIZE];
    private int filled;
    private long offset;
    private boolean eof;

    public ChunkReader(InputStream in) {
        this.in = in;
    }

    /** The next chunk, or null at the end of the stream. */
    public Chunk next() throws IOException {
        fill();
        if (filled == 0) {
            return null;
        }
        int cut = cutPoint(buf, filled);
        byte[] data = new byte[cut];
        System.arraycopy(buf, 0, data, 0, cut);
        System.arraycopy(buf, cut, buf, 0, filled - cut);
        filled -= cut;
        Chunk c = new Chunk(offset, data, Sha256.hex(data));
        offset += cut;
        return c;
    }

    private void fill() throws IOException {
        while (!eof && filled < buf.length) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
    }

    /** Where the chunk starting at 0 ends: the first boundary the gear hash finds, or the maximum size. */
    static int cutPoint(byte[] data, int length) {
        if (length <= MIN_SIZE) {
            return length;
        }
        int limit = Math.min(length, MAX_SIZE);
        int normal = Math.min(limit, AVG_SIZE);
        long hash = 0;
        int i = MIN_SIZE;
        for (; i < normal; i++) {
            hash = (hash << 1) + GEAR[data[i] & 0xff];
            if ((hash & MASK_SMALL) == 0) {
                return i + 1;
            }
        }
        for (; i < limit; i++) {
            hash = (hash << 1) + GEAR[data[i] & 0xff];
            if ((hash & MASK_LARGE) == 0) {
                return i + 1;
            }
        }
        return limit;
    }


    /** A fixed table: every client and the hub must cut the same bytes at the same places. */
    private static long[] gear() {
        SplittableRandom random = new SplittableRandom(0x5379_6e63_6c69_6e65L);
        long[] table = new long[256];
        for (int i = 0; i < table.length; i++) {
            table[i] = random.nextLong();
        }
        return table;
    }
}
