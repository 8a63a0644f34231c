package org.syncline.core.delta;

/**
 * rsync's weak checksum (checksum.c, get_checksum1, CHAR_OFFSET 0): s1 is the sum of the bytes, s2 the sum of
 * the running s1, both kept to 16 bits in the result. It rolls one byte in O(1): drop the oldest, add the next.
 */
final class RollingChecksum {
    private final int window;
    private int s1;
    private int s2;

    RollingChecksum(int window) {
        this.window = window;
    }

    /** Starts over on {@code len} bytes (the window, or a shorter last block). */
    void reset(byte[] b, int off, int len) {
        int a = 0;
        int c = 0;
        for (int i = 0; i < len; i++) {
            a += b[off + i] & 0xff;
            c += a;
        }
        s1 = a;
        s2 = c;
    }

    /** Moves the window one byte on: {@code out} leaves at the front, {@code in} enters at the back. */
    void roll(byte out, byte in) {
        int o = out & 0xff;
        s1 += (in & 0xff) - o;
        s2 += s1 - window * o;
    }

    int value() {
        return (s1 & 0xffff) | (s2 << 16);
    }

    static int of(byte[] b, int off, int len) {
        RollingChecksum r = new RollingChecksum(len);
        r.reset(b, off, len);
        return r.value();
    }
}
