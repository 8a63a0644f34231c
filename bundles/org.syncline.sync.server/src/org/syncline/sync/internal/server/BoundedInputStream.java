package org.syncline.sync.internal.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses an upload that runs past its limit: a small request must not fill the disk. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long read;

    BoundedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && (read += n) > limit) {
            throw new IOException(what + " is at most " + limit + " bytes");
        }
        return n;
    }
}
