package org.syncline.core.delta;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** The binary forms' building blocks: magic numbers, unsigned LEB128 varints with bounds, exact reads. */
final class Wire {
    static final byte[] SIGNATURE_MAGIC = { 'S', 'L', 'S', '1' };
    static final byte[] DELTA_MAGIC = { 'S', 'L', 'D', '1' };
    static final int END = 0;
    static final int COPY = 1;
    static final int LITERAL = 2;
    /** The longest literal run in one instruction. */
    static final int MAX_LITERAL = 64 * 1024;
    /** Files up to 2^50 bytes (1 PiB); the bound keeps a hostile length from overflowing anything. */
    static final long MAX_LENGTH = 1L << 50;

    private Wire() {
    }

    static void writeVarint(OutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    static long readVarint(InputStream in, long max, String form, String what) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw cutOff(form);
            }
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v > max) {
                    throw malformed(form, "its " + what + " is " + v + ", above the limit of " + max);
                }
                return v;
            }
        }
        throw malformed(form, "its " + what + " is not a valid number");
    }

    static void readMagic(InputStream in, byte[] magic, String form) throws IOException {
        byte[] got = readExactly(in, magic.length, form);
        if (!java.util.Arrays.equals(got, magic)) {
            throw malformed(form, "it does not start with the " + form + " marker " + new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    static byte[] readExactly(InputStream in, int n, String form) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw cutOff(form);
        }
        return b;
    }

    static int readInt(InputStream in, String form) throws IOException {
        byte[] b = readExactly(in, 4, form);
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static SynclineException malformed(String form, String problem) {
        return new SynclineException(ErrorCode.PROTOCOL_ERROR, "The " + form + " is malformed: " + problem + "; nothing was written.");
    }

    static SynclineException cutOff(String form) {
        return new SynclineException(ErrorCode.PROTOCOL_ERROR, "The " + form + " ends early (cut off in transit?); nothing was written, send it again.",
                new EOFException());
    }
}
