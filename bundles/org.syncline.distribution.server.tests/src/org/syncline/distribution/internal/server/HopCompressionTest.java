package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;

class HopCompressionTest {
    /** Text-like bytes: compressible, so a level above 0 must shrink them. */
    private static byte[] content() {
        StringBuilder b = new StringBuilder();
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            b.append("line ").append(r.nextInt(500)).append(" of a log the hop carries\n");
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] compressed(HopCompression c, byte[] plain, ByteArrayOutputStream sink) throws IOException {
        try (OutputStream out = c.compress(sink)) {
            out.write(plain);
        }
        sink.write(new byte[] {42}); // the sink is still open: a compressed stream never closes what it writes into
        byte[] all = sink.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - 1);
    }

    @Test
    void eachCodecAndLevelGivesBackTheSameBytes() throws IOException {
        byte[] plain = content();
        for (String codec : HopCompression.CODECS) {
            for (int level : new int[] {0, 1, 6, 9}) {
                HopCompression c = new HopCompression(codec, level);
                byte[] wire = compressed(c, plain, new ByteArrayOutputStream());
                if (level > 0) {
                    assertTrue(wire.length < plain.length / 3, codec + " " + level + ": " + wire.length + " of " + plain.length);
                } else {
                    assertEquals(plain.length, wire.length);
                }
                try (InputStream in = c.decompress(new ByteArrayInputStream(wire))) {
                    assertArrayEquals(plain, in.readAllBytes(), codec + " " + level);
                }
            }
        }
    }

    @Test
    void zstdIsNotDeflate() throws IOException {
        byte[] plain = content();
        byte[] zstd = compressed(new HopCompression("zstd", 6), plain, new ByteArrayOutputStream());
        // a zstd frame starts with its magic number 0xFD2FB528 (little endian); a deflate stream would not
        assertEquals(0x28, zstd[0] & 0xff);
        assertEquals(0xB5, zstd[1] & 0xff);
        assertEquals(0x2F, zstd[2] & 0xff);
        assertEquals(0xFD, zstd[3] & 0xff);
        assertThrows(IOException.class, () -> {
            try (InputStream in = new HopCompression("deflate", 6).decompress(new ByteArrayInputStream(zstd))) {
                in.readAllBytes();
            }
        });
    }

    @Test
    void aMessageWithoutACodecMeansDeflateAndABadOneIsRefused() {
        assertEquals(new HopCompression("deflate", 4), HopCompression.of(JsonObject.parse("{\"level\": 4}")));
        assertEquals(new HopCompression("zstd", 0), HopCompression.of(JsonObject.parse("{\"codec\": \"ZSTD\"}")));
        SynclineException codec = assertThrows(SynclineException.class, () -> HopCompression.of(JsonObject.parse("{\"codec\": \"lzma\", \"level\": 3}")));
        assertEquals(ErrorCode.BAD_REQUEST, codec.code());
        assertEquals("A codec is deflate or zstd, not 'lzma'.", codec.getMessage());
        SynclineException level = assertThrows(SynclineException.class, () -> HopCompression.of(JsonObject.parse("{\"codec\": \"zstd\", \"level\": 12}")));
        assertEquals("A compression level is 0-9, not 12.", level.getMessage());
    }

    @Test
    void closingAnInflatingStreamEndsItsInflater() throws IOException {
        byte[] plain = content();
        byte[] wire = compressed(new HopCompression(HopCompression.DEFLATE, 6), plain, new ByteArrayOutputStream());
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        try (InputStream in = HopCompression.inflating(new ByteArrayInputStream(wire), inflater)) {
            assertArrayEquals(plain, in.readAllBytes());
            assertTrue(inflater.getBytesRead() > 0); // open while the stream is
        }
        // an ended Inflater refuses every call: its native memory was freed on close
        assertThrows(IllegalStateException.class, inflater::getBytesRead);
    }
}
