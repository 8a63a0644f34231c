package org.syncline.distribution.internal.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the read that goes past a limit, so a client cannot make the master parse an endless upload. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
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

    private void counted(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException("it is larger than the " + limit + " bytes a topology may have");
        }
    }
}
