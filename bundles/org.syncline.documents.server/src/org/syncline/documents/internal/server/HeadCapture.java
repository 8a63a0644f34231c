package org.syncline.documents.internal.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Passes a stream through and keeps a copy of its first bytes (for the type detection of content the registry does not see). */
final class HeadCapture extends FilterInputStream {
    private final byte[] head;
    private int kept;

    HeadCapture(InputStream in, int headSize) {
        super(in);
        this.head = new byte[headSize];
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && kept < head.length) {
            head[kept++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0 && kept < head.length) {
            int k = Math.min(n, head.length - kept);
            System.arraycopy(b, off, head, kept, k);
            kept += k;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("HeadCapture does not skip");
    }

    byte[] head() {
        return Arrays.copyOf(head, kept);
    }
}
