package org.syncline.documents.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.syncline.core.BlockInputStream;
import org.syncline.core.Sha256;
import org.syncline.documents.MimeTypes;

/**
 * A registration batch's one stream, passed on to the node as it arrives: file {@code i} is the next {@code sizes[i]}
 * bytes. Keeps each file's SHA-256 (the node must confirm the same) and first bytes (for its type). Ends after the last
 * file's bytes without reading further; when the client's stream ends before, it fails and remembers which file was short.
 */
final class BatchContent extends BlockInputStream {
    private final InputStream in;
    private final List<Long> sizes;
    private final List<String> sha256s = new ArrayList<>();
    private final List<byte[]> heads = new ArrayList<>();
    private int file = -1;
    private long left;
    private long received;
    /** Bytes of the batch not yet read, all files. */
    private long remaining;
    private MessageDigest digest;
    private byte[] head;
    private int kept;
    private int failedFile = -1;
    private boolean ended;

    BatchContent(InputStream in, List<Long> sizes) {
        this.in = in;
        this.sizes = sizes;
        this.remaining = sizes.stream().mapToLong(Long::longValue).sum();
        next();
    }

    /**
     * Fills {@code b} across file boundaries while the client's bytes are at hand (so the node gets full chunks, not one
     * a file), and blocks only for the first byte.
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            while (left == 0 && file < sizes.size()) {
                next();
            }
            if (file >= sizes.size() || (total > 0 && in.available() <= 0)) {
                break;
            }
            int n;
            try {
                n = in.read(b, off + total, (int) Math.min(len - total, left));
            } catch (IOException e) {
                failedFile = file;
                throw e;
            }
            if (n < 0) {
                failedFile = file;
                ended = true;
                throw new IOException("the stream ended after " + received + " of the " + sizes.get(file) + " bytes of file " + (file + 1));
            }
            digest.update(b, off + total, n);
            if (kept < head.length) {
                int k = Math.min(n, head.length - kept);
                System.arraycopy(b, off + total, head, kept, k);
                kept += k;
            }
            left -= n;
            received += n;
            remaining -= n;
            total += n;
        }
        return total == 0 && len > 0 ? -1 : total;
    }

    /** What can be read without blocking, never more than the batch's bytes still to come. */
    @Override
    public int available() throws IOException {
        return (int) Math.min(remaining, in.available());
    }

    /** Ends the current file (if any) and starts the next. */
    private void next() {
        if (file >= 0) {
            sha256s.add(HexFormat.of().formatHex(digest.digest()));
            heads.add(Arrays.copyOf(head, kept));
        }
        file++;
        if (file < sizes.size()) {
            left = sizes.get(file);
            received = 0;
            digest = Sha256.newDigest();
            head = new byte[MimeTypes.HEAD];
            kept = 0;
        }
    }

    /** Reads what the node left unread (nothing, when it took every file's bytes), so every file's SHA-256 is known. */
    void finish() throws IOException {
        byte[] rest = new byte[8192];
        while (read(rest, 0, rest.length) >= 0) {
            // passes through the digest like the rest
        }
    }

    /** The index of the file in which the client's stream failed or ended, or -1; then how many of its bytes came. */
    int failedFile() {
        return failedFile;
    }

    /** Whether the client's stream ended early (rather than failed). */
    boolean ended() {
        return ended;
    }

    long received() {
        return received;
    }

    /** File {@code i}'s SHA-256 as it went through; only once the whole stream was read. */
    String sha256(int i) {
        return sha256s.get(i);
    }

    byte[] head(int i) {
        return heads.get(i);
    }

    @Override
    public void close() {
        // the client's stream belongs to the request
    }
}
