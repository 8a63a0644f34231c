package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class BlockInputStreamTest {
    /** Hands out its bytes one block read at a time, answering every other call with nothing yet (0). */
    private static final class Hesitant extends BlockInputStream {
        private final byte[] bytes;
        private int next;
        private boolean idle;

        Hesitant(byte... bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (next == bytes.length) {
                return -1;
            }
            idle = !idle;
            if (idle) {
                return 0;
            }
            b[off] = bytes[next++];
            return 1;
        }
    }

    @Test
    void oneByteReadsGoThroughTheBlockReadAndAreUnsigned() throws IOException {
        BlockInputStream in = new Hesitant((byte) 0x00, (byte) 0x7f, (byte) 0xff);
        assertEquals(0x00, in.read());
        assertEquals(0x7f, in.read());
        assertEquals(0xff, in.read(), "0xff is a byte, not the end");
        assertEquals(-1, in.read());
    }

}
