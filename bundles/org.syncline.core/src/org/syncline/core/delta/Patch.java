package org.syncline.core.delta;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

/**
 * Rebuilds the new file from the basis and a {@link Delta}: COPY instructions read blocks of the basis, LITERAL
 * ones write the bytes they carry. The result goes to a temp file next to the target and is renamed into place
 * only when its length and SHA-256 are the ones the delta announces ({@link AtomicFiles}); the basis may be the
 * target itself.
 */
public final class Patch {
    private Patch() {
    }

    /**
     * Applies {@code delta} to {@code basis} (a missing basis is empty) and writes the result to {@code target}
     * all or nothing. Returns the new file's SHA-256.
     *
     * @throws SynclineException PROTOCOL_ERROR for a malformed delta, INTEGRITY when the result is not the file
     *                           the delta was made from (a wrong basis, a false block match), STORAGE for I/O
     */
    public static String apply(Path basis, InputStream delta, Path target) {
        String[] sha = new String[1];
        AtomicFiles.write(target, true, "", out -> {
            if (Files.exists(basis)) {
                try (FileChannel ch = FileChannel.open(basis, StandardOpenOption.READ)) {
                    sha[0] = apply(ch, delta, out);
                }
            } else {
                sha[0] = apply(null, delta, out);
            }
        });
        return sha[0];
    }

    /** Streams the patched content to {@code out} (not closed) and returns its SHA-256, checked against the delta's. */
    public static String apply(FileChannel basis, InputStream delta, OutputStream out) throws IOException {
        String form = Delta.FORM;
        InputStream in = new BufferedInputStream(delta, 65536);
        Wire.readMagic(in, Wire.DELTA_MAGIC, form);
        int bs = (int) Wire.readVarint(in, BlockSize.MAX, form, "block size");
        if (bs < BlockSize.MIN) {
            throw Wire.malformed(form, "its block size " + bs + " is below " + BlockSize.MIN);
        }
        long basisLength = Wire.readVarint(in, Wire.MAX_LENGTH, form, "basis length");
        long have = basis == null ? 0 : basis.size();
        if (basisLength != have) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The delta was made against a basis of " + basisLength + " bytes but the file here has "
                    + have + "; it changed meanwhile, nothing was written: compute a new signature.");
        }
        long blocks = Signature.blocks(basisLength, bs);
        MessageDigest digest = Sha256.newDigest();
        DigestOutputStream sink = new DigestOutputStream(out, digest);
        long written = 0;
        byte[] literal = new byte[Wire.MAX_LITERAL];
        ByteBuffer block = ByteBuffer.allocate(bs);
        while (true) {
            int op = in.read();
            if (op < 0) {
                throw Wire.cutOff(form);
            }
            if (op == Wire.END) {
                break;
            }
            if (op == Wire.COPY) {
                long first = Wire.readVarint(in, blocks, form, "first block");
                long count = Wire.readVarint(in, blocks, form, "block count");
                if (count == 0 || first + count > blocks) {
                    throw Wire.malformed(form, "it copies blocks " + first + " to " + (first + count - 1) + " of a basis with " + blocks);
                }
                for (long b = first; b < first + count; b++) {
                    long at = b * bs;
                    int len = (int) Math.min(bs, basisLength - at);
                    block.clear().limit(len);
                    while (block.hasRemaining()) {
                        if (basis.read(block, at + block.position()) < 0) {
                            throw new SynclineException(ErrorCode.INTEGRITY, "The basis file shrank during the patch; nothing was written.");
                        }
                    }
                    sink.write(block.array(), 0, len);
                    written += len;
                }
            } else if (op == Wire.LITERAL) {
                int n = (int) Wire.readVarint(in, Wire.MAX_LITERAL, form, "literal length");
                if (n == 0) {
                    throw Wire.malformed(form, "it has an empty literal");
                }
                if (in.readNBytes(literal, 0, n) != n) {
                    throw Wire.cutOff(form);
                }
                sink.write(literal, 0, n);
                written += n;
            } else {
                throw Wire.malformed(form, "it has an unknown instruction " + op);
            }
        }
        long length = Wire.readVarint(in, Wire.MAX_LENGTH, form, "new length");
        String expected = HexFormat.of().formatHex(Wire.readExactly(in, 32, form));
        sink.flush();
        String actual = HexFormat.of().formatHex(digest.digest());
        if (length != written || !actual.equals(expected)) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The patched file (" + written + " bytes, SHA-256 " + actual + ") is not the one the delta was made from ("
                    + length + " bytes, " + expected + "); nothing was written: send the file again with full block hashes.");
        }
        return actual;
    }
}
