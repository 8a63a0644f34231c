package org.syncline.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails the read that goes past a limit, with a sentence that names what was too large, so a peer cannot make a
 * server parse or store an endless upload (a topology, a chunk, a delta).
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final String overLimit;
    private long count;

    /** {@code overLimit}: the message of the {@link IOException} thrown by the read that passes {@code limit} bytes. */
    public LimitedInputStream(InputStream in, long limit, String overLimit) {
        super(in);
        this.limit = limit;
        this.overLimit = overLimit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    private void counted(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException(overLimit);
        }
    }
}
