package org.syncline.documents.internal.server;

import java.io.IOException;
import java.io.InputStream;

/**
 * The next {@code length} bytes of a batch's one stream, as a stream of their own that ends there (never reads past
 * them, and is never closed through): one file's bytes in {@code docs.register.batch}.
 */
final class ContentSlice extends InputStream {
    private final InputStream in;
    private long left;

    ContentSlice(InputStream in, long length) {
        this.in = in;
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) {
            return len == 0 ? 0 : -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }

    /** Bytes declared for this slice that the stream ended before sending. */
    long missing() {
        return left;
    }

    @Override
    public void close() {
        // the batch's stream goes on with the next file
    }
}
