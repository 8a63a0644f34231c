package org.syncline.core.delta;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/**
 * What the receiver sends back about the file it has (the basis): per block a 32-bit rolling checksum and a
 * truncated SHA-256. Held in memory (a few bytes per block, never the file's content).
 *
 * <p>Wire form: {@code "SLS1"}, varint basis length, varint block size, one byte strong length, then per block
 * a big-endian int weak sum and the strong bytes; the block count follows from the length and block size.
 */
public final class Signature {
    static final String FORM = "signature";
    private final long length;
    private final int blockSize;
    private final int strongLength;
    private final int[] weak;
    private final byte[] strong;

    private Signature(long length, int blockSize, int strongLength, int[] weak, byte[] strong) {
        this.length = length;
        this.blockSize = blockSize;
        this.strongLength = strongLength;
        this.weak = weak;
        this.strong = strong;
    }

    /** The signature of a file on disk with rsync's block and hash sizes; a missing file is an empty basis. */
    public static Signature of(Path basis) throws IOException {
        return of(basis, -1);
    }

    /** As {@link #of(Path)} with a strong hash of {@code strongLength} bytes (32: full SHA-256, for a retry). */
    public static Signature of(Path basis, int strongLength) throws IOException {
        if (!Files.exists(basis)) {
            return empty();
        }
        try (FileChannel ch = FileChannel.open(basis, StandardOpenOption.READ)) {
            long length = ch.size();
            int bs = BlockSize.forLength(length);
            return of(new BufferedInputStream(Channels.newInputStream(ch), 65536), length,
                    strongLength < 0 ? BlockSize.strongLength(length, bs) : strongLength);
        }
    }

    /** The signature of exactly {@code length} bytes read from {@code in}. */
    public static Signature of(InputStream in, long length, int strongLength) throws IOException {
        if (length < 0 || length > Wire.MAX_LENGTH) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A basis of " + length + " bytes is outside what a delta handles (0 to 2^50).");
        }
        if (strongLength < BlockSize.MIN_STRONG || strongLength > BlockSize.MAX_STRONG) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A strong hash of " + strongLength + " bytes is outside 2 to 32.");
        }
        int bs = BlockSize.forLength(length);
        long count = blocks(length, bs);
        if (count > BlockSize.MAX_BLOCKS) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A basis of " + length + " bytes has more than " + BlockSize.MAX_BLOCKS
                    + " blocks; send it whole.");
        }
        int n = (int) count;
        int[] weak = new int[n];
        byte[] strong = new byte[n * strongLength];
        byte[] block = new byte[bs];
        MessageDigest sha = Sha256.newDigest();
        for (int i = 0; i < n; i++) {
            int len = (int) Math.min(bs, length - (long) i * bs);
            if (in.readNBytes(block, 0, len) != len) {
                throw new SynclineException(ErrorCode.STORAGE, "The basis file shrank while its signature was computed; try again when it is not being written.");
            }
            weak[i] = RollingChecksum.of(block, 0, len);
            sha.update(block, 0, len);
            System.arraycopy(sha.digest(), 0, strong, i * strongLength, strongLength);
        }
        return new Signature(length, bs, strongLength, weak, strong);
    }

    /** The signature of nothing: every delta against it is all literal. */
    public static Signature empty() {
        return new Signature(0, BlockSize.MIN, BlockSize.MIN_STRONG, new int[0], new byte[0]);
    }

    static long blocks(long length, int blockSize) {
        return (length + blockSize - 1) / blockSize;
    }

    public long length() {
        return length;
    }

    public int blockSize() {
        return blockSize;
    }

    public int strongLength() {
        return strongLength;
    }

    public int blockCount() {
        return weak.length;
    }

    int weak(int block) {
        return weak[block];
    }

    /** Length of a block: the block size, or less for the last one. */
    int blockLength(int block) {
        return (int) Math.min(blockSize, length - (long) block * blockSize);
    }

    boolean strongEquals(int block, byte[] digest) {
        return java.util.Arrays.equals(strong, block * strongLength, (block + 1) * strongLength, digest, 0, strongLength);
    }

    /** Bytes of the wire form. */
    public long wireSize() {
        return 4 + Wire.varintSize(length) + Wire.varintSize(blockSize) + 1 + (long) weak.length * (4 + strongLength);
    }

    public void write(OutputStream out) throws IOException {
        out.write(Wire.SIGNATURE_MAGIC);
        Wire.writeVarint(out, length);
        Wire.writeVarint(out, blockSize);
        out.write(strongLength);
        for (int i = 0; i < weak.length; i++) {
            Wire.writeInt(out, weak[i]);
            out.write(strong, i * strongLength, strongLength);
        }
        out.flush();
    }

    /** Reads a signature, refusing with PROTOCOL_ERROR any length, block size or hash length out of bounds. */
    public static Signature read(InputStream in) throws IOException {
        Wire.readMagic(in, Wire.SIGNATURE_MAGIC, FORM);
        long length = Wire.readVarint(in, Wire.MAX_LENGTH, FORM, "basis length");
        int bs = (int) Wire.readVarint(in, BlockSize.MAX, FORM, "block size");
        if (bs < BlockSize.MIN) {
            throw Wire.malformed(FORM, "its block size " + bs + " is below " + BlockSize.MIN);
        }
        int sl = in.read();
        if (sl < 0) {
            throw Wire.cutOff(FORM);
        }
        if (sl < BlockSize.MIN_STRONG || sl > BlockSize.MAX_STRONG) {
            throw Wire.malformed(FORM, "its strong hash length " + sl + " is outside 2 to 32");
        }
        long count = blocks(length, bs);
        if (count > BlockSize.MAX_BLOCKS) {
            throw Wire.malformed(FORM, "it announces " + count + " blocks, above " + BlockSize.MAX_BLOCKS);
        }
        int n = (int) count;
        // grown as blocks arrive: a hostile header alone never makes us allocate for 2^24 blocks
        int[] weak = new int[Math.min(n, 1 << 16)];
        byte[] strong = new byte[weak.length * sl];
        for (int i = 0; i < n; i++) {
            if (i == weak.length) {
                weak = java.util.Arrays.copyOf(weak, (int) Math.min(n, 2L * i));
                strong = java.util.Arrays.copyOf(strong, weak.length * sl);
            }
            weak[i] = Wire.readInt(in, FORM);
            if (in.readNBytes(strong, i * sl, sl) != sl) {
                throw Wire.cutOff(FORM);
            }
        }
        return new Signature(length, bs, sl, weak, strong);
    }
}
