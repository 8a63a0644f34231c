package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BlockOutputStreamTest {
    /** Keeps every block write it was given, as the calls came. */
    private static final class Blocks extends BlockOutputStream {
        final List<byte[]> calls = new ArrayList<>();

        @Override
        public void write(byte[] b, int off, int len) {
            calls.add(java.util.Arrays.copyOfRange(b, off, off + len));
        }
    }

    @Test
    void oneByteWritesGoThroughTheBlockWriteAsTheLowEightBits() throws Exception {
        Blocks out = new Blocks();
        out.write(0x00);
        out.write(0x7f);
        out.write(0x1ff); // only the low eight bits are the byte
        assertEquals(3, out.calls.size(), "one block write a byte");
        assertArrayEquals(new byte[] {0x00}, out.calls.get(0));
        assertArrayEquals(new byte[] {0x7f}, out.calls.get(1));
        assertArrayEquals(new byte[] {(byte) 0xff}, out.calls.get(2));
        out.write(new byte[] {1, 2, 3}); // OutputStream's write(byte[]) reaches the block write whole
        assertArrayEquals(new byte[] {1, 2, 3}, out.calls.get(3));
    }
}
