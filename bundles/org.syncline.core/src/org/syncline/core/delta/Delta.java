package org.syncline.core.delta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;

import org.syncline.core.CountingOutputStream;
import org.syncline.core.Sha256;

/**
 * Computes the delta of a new file against a basis's {@link Signature}, streaming: the new content passes once
 * through a buffer of a few blocks, the window rolls one byte at a time, a weak-sum hit is confirmed with the
 * strong hash, and the instructions go out as they are found.
 *
 * <p>Wire form: {@code "SLD1"}, varint block size, varint basis length, then instructions: {@code 1} COPY varint
 * first block, varint block count; {@code 2} LITERAL varint length (1 to 64 KiB) and the bytes; {@code 0} END
 * varint new length and the new file's 32-byte SHA-256.
 */
public final class Delta {
    static final String FORM = "delta";

    /** What a delta holds: bytes of the new file sent as literals, bytes copied from the basis, bytes on the wire. */
    public record Stats(long literalBytes, long copiedBytes, long wireBytes, String sha256) {
    }

    private final Signature sig;
    private final BlockTable table;
    private final CountingOutputStream out;
    private final MessageDigest strong = Sha256.newDigest();
    private long literal;
    private long copied;
    private int pendingFirst = -1;
    private int pendingCount;

    private Delta(Signature sig, OutputStream out) {
        this.sig = sig;
        this.table = new BlockTable(sig);
        this.out = new CountingOutputStream(new java.io.BufferedOutputStream(out, 65536));
    }

    /**
     * Writes the delta of everything {@code newContent} holds against {@code basis} to {@code deltaOut} (not closed).
     * Against an empty basis there is nothing to match: the content goes out as literals ({@link #whole}).
     */
    public static Stats write(Signature basis, InputStream newContent, OutputStream deltaOut) throws IOException {
        if (basis.blockCount() == 0) {
            return whole(newContent, deltaOut, null);
        }
        return new Delta(basis, deltaOut).run(newContent);
    }

    /**
     * Writes {@code content} as a delta against nothing (every byte a literal, no rolling search) to {@code out} (not
     * closed). {@code sha256}: the content's SHA-256 when the caller already holds it and the reader checks the
     * content against it anyway ({@link Patch} does), so it is not computed again here; null: it is computed.
     */
    public static Stats whole(InputStream content, OutputStream out, String sha256) throws IOException {
        MessageDigest whole = sha256 == null ? Sha256.newDigest() : null;
        byte[] buf = new byte[Wire.MAX_LITERAL];
        byte[] head = new byte[16];
        long total = 0;
        long wire = 0;
        out.write(Wire.DELTA_MAGIC);
        wire += Wire.DELTA_MAGIC.length + varint(out, BlockSize.MIN) + varint(out, 0);
        while (true) {
            int n = content.readNBytes(buf, 0, buf.length);
            if (n == 0) {
                break;
            }
            if (whole != null) {
                whole.update(buf, 0, n);
            }
            // the instruction's head and its bytes: two writes of the caller's stream per 64 KiB, nothing buffered here
            int h = 0;
            head[h++] = (byte) Wire.LITERAL;
            for (long v = n; ; v >>>= 7) {
                if ((v & ~0x7FL) == 0) {
                    head[h++] = (byte) v;
                    break;
                }
                head[h++] = (byte) ((v & 0x7F) | 0x80);
            }
            out.write(head, 0, h);
            out.write(buf, 0, n);
            wire += h + n;
            total += n;
            if (n < buf.length) {
                break;
            }
        }
        String sha = sha256 != null ? sha256 : java.util.HexFormat.of().formatHex(whole.digest());
        out.write(Wire.END);
        wire += 1 + varint(out, total) + 32;
        out.write(java.util.HexFormat.of().parseHex(sha));
        out.flush();
        return new Stats(total, 0, wire, sha);
    }

    private static int varint(OutputStream out, long v) throws IOException {
        Wire.writeVarint(out, v);
        return Wire.varintSize(v);
    }

    private Stats run(InputStream in) throws IOException {
        int bs = sig.blockSize();
        int lastLen = sig.blockCount() == 0 ? -1 : sig.blockLength(sig.blockCount() - 1);
        boolean shortLast = lastLen > 0 && lastLen < bs;
        out.write(Wire.DELTA_MAGIC);
        Wire.writeVarint(out, bs);
        Wire.writeVarint(out, sig.length());
        MessageDigest whole = Sha256.newDigest();
        long total = 0;
        byte[] buf = new byte[Wire.MAX_LITERAL + 2 * bs];
        int end = 0;
        boolean eof = false;
        int pos = 0;
        int lit = 0;
        RollingChecksum sum = new RollingChecksum(bs);
        boolean haveSum = false;
        int expected = -1; // the block after the last match: tried first, as rsync does
        while (true) {
            if (end - pos < bs && !eof) {
                // keep only the window: what precedes it goes out as a literal first
                literal(buf, lit, pos);
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                pos = 0;
                lit = 0;
                int n = in.readNBytes(buf, end, buf.length - end);
                whole.update(buf, end, n);
                total += n;
                end += n;
                eof = end < buf.length;
                continue;
            }
            int len = Math.min(bs, end - pos);
            if (len == 0) {
                break;
            }
            int match = -1;
            if (len == bs && sig.blockCount() > 0) {
                if (!haveSum) {
                    sum.reset(buf, pos, bs);
                    haveSum = true;
                }
                match = table.find(sum.value(), buf, pos, bs, expected, strong);
            } else if (len < bs && shortLast && len == lastLen) {
                int last = sig.blockCount() - 1;
                if (sig.weak(last) == RollingChecksum.of(buf, pos, len) && table.strongMatches(last, buf, pos, len, strong)) {
                    match = last;
                }
            }
            if (match >= 0) {
                literal(buf, lit, pos);
                copy(match);
                copied += len;
                expected = match + 1;
                pos += len;
                lit = pos;
                haveSum = false;
            } else {
                if (haveSum && pos + bs < end) {
                    sum.roll(buf[pos], buf[pos + bs]);
                } else {
                    haveSum = false;
                }
                pos++;
                if (pos - lit >= Wire.MAX_LITERAL) {
                    literal(buf, lit, pos);
                    lit = pos;
                }
            }
        }
        literal(buf, lit, end);
        flushCopy();
        String sha = java.util.HexFormat.of().formatHex(whole.digest());
        out.write(Wire.END);
        Wire.writeVarint(out, total);
        out.write(java.util.HexFormat.of().parseHex(sha));
        out.flush();
        return new Stats(literal, copied, out.count(), sha);
    }

    private void copy(int block) throws IOException {
        if (pendingFirst >= 0 && block == pendingFirst + pendingCount) {
            pendingCount++;
            return;
        }
        flushCopy();
        pendingFirst = block;
        pendingCount = 1;
    }

    private void flushCopy() throws IOException {
        if (pendingFirst >= 0) {
            out.write(Wire.COPY);
            Wire.writeVarint(out, pendingFirst);
            Wire.writeVarint(out, pendingCount);
            pendingFirst = -1;
        }
    }

    private void literal(byte[] buf, int from, int to) throws IOException {
        if (from >= to) {
            return;
        }
        flushCopy();
        for (int off = from; off < to; off += Wire.MAX_LITERAL) {
            int n = Math.min(Wire.MAX_LITERAL, to - off);
            out.write(Wire.LITERAL);
            Wire.writeVarint(out, n);
            out.write(buf, off, n);
            literal += n;
        }
    }

    /** The signature's full-size blocks hashed on their weak sum (open chaining over int arrays, no boxing). */
    static final class BlockTable {
        private final Signature sig;
        private final int[] head;
        private final int[] next;
        private final int mask;

        BlockTable(Signature sig) {
            this.sig = sig;
            int n = sig.blockCount();
            int size = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
            head = new int[size];
            Arrays.fill(head, -1);
            next = new int[n];
            mask = size - 1;
            for (int i = n - 1; i >= 0; i--) {
                if (sig.blockLength(i) == sig.blockSize()) {
                    int h = slot(sig.weak(i));
                    next[i] = head[h];
                    head[h] = i;
                }
            }
        }

        private int slot(int weak) {
            int h = weak * 0x9E3779B9;
            return (h ^ h >>> 16) & mask;
        }

        int find(int weak, byte[] buf, int off, int len, int expected, MessageDigest sha) {
            byte[] digest = null;
            if (expected >= 0 && expected < sig.blockCount() && sig.blockLength(expected) == len && sig.weak(expected) == weak) {
                digest = digest(buf, off, len, sha);
                if (sig.strongEquals(expected, digest)) {
                    return expected;
                }
            }
            for (int i = head[slot(weak)]; i >= 0; i = next[i]) {
                if (sig.weak(i) == weak) {
                    if (digest == null) {
                        digest = digest(buf, off, len, sha);
                    }
                    if (sig.strongEquals(i, digest)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        boolean strongMatches(int block, byte[] buf, int off, int len, MessageDigest sha) {
            return sig.strongEquals(block, digest(buf, off, len, sha));
        }

        private static byte[] digest(byte[] buf, int off, int len, MessageDigest sha) {
            sha.update(buf, off, len);
            return sha.digest();
        }
    }
}
