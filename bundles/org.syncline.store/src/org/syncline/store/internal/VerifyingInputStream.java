package org.syncline.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.syncline.core.Sha256;

/**
 * Reads a blob and checks at its end that the bytes hash to the blob's name, so a reader that consumes
 * the whole stream never accepts damaged content in silence.
 */
public final class VerifyingInputStream extends InputStream {
    private final InputStream in;
    private final String sha;
    private final MessageDigest digest = Sha256.newDigest();
    private String actual;

    public VerifyingInputStream(InputStream in, String sha) {
        this.in = in;
        this.sha = sha;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            return atEnd();
        }
        digest.update((byte) b);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = in.read(buf, off, len);
        if (n < 0) {
            return atEnd();
        }
        digest.update(buf, off, n);
        return n;
    }

    // Skipped bytes still have to be hashed, or the check at the end would be meaningless.
    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 65536)];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(left, buf.length));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - Math.max(left, 0);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int atEnd() throws IOException {
        if (actual == null) {
            actual = HexFormat.of().formatHex(digest.digest());
        }
        if (!actual.equals(sha)) {
            throw new IOException("Blob " + sha + " is corrupt: its content hashes to " + actual
                    + "; delete it and copy it again from another node or a backup.");
        }
        return -1;
    }
}
