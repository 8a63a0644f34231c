package org.syncline.core.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.core.Sha256;

class ChunkReaderTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void oneInsertedByteInTheMiddleOfFourMebibytesChangesOnlyTheChunksNearIt() throws IOException {
        byte[] original = random(4 * MIB, 1);
        byte[] edited = new byte[original.length + 1];
        int middle = original.length / 2;
        System.arraycopy(original, 0, edited, 0, middle);
        edited[middle] = 42;
        System.arraycopy(original, middle, edited, middle + 1, original.length - middle);

        List<Chunk> before = chunks(original);
        List<Chunk> after = chunks(edited);
        Set<String> old = new HashSet<>(before.stream().map(Chunk::sha256).toList());
        long changed = after.stream().filter(c -> !old.contains(c.sha256())).count();
        assertTrue(before.size() > 30, "4 MiB at 64 KiB average gives dozens of chunks, not " + before.size());
        assertTrue(changed >= 1 && changed <= 2, changed + " of " + after.size() + " chunks changed");
    }

    @Test
    void chunksAreWithinTheSizeLimitsAndReassembleTheInputWithTheirHashes() throws IOException {
        byte[] data = random(3 * MIB + 12345, 7);
        List<Chunk> chunks = chunks(data);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        long offset = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertEquals(offset, c.offset());
            assertTrue(c.length() <= ChunkReader.MAX_SIZE);
            if (i < chunks.size() - 1) {
                assertTrue(c.length() >= ChunkReader.MIN_SIZE, "chunk " + i + " has " + c.length() + " bytes");
            }
            assertEquals(Sha256.hex(c.data()), c.sha256());
            joined.write(c.data());
            offset += c.length();
        }
        assertArrayEquals(data, joined.toByteArray());
    }

    @Test
    void theSameBytesCutTheSameWayHoweverTheStreamDeliversThem() throws IOException {
        byte[] data = random(2 * MIB, 3);
        List<String> whole = chunks(data).stream().map(Chunk::sha256).toList();
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 977));
            }
        };
        List<String> pieces = new ArrayList<>();
        ChunkReader r = new ChunkReader(trickle);
        for (Chunk c; (c = r.next()) != null;) {
            pieces.add(c.sha256());
        }
        assertEquals(whole, pieces);
    }

    @Test
    void smallAndEmptyInputs() throws IOException {
        assertEquals(List.of(), chunks(new byte[0]));
        List<Chunk> one = chunks("hello".getBytes());
        assertEquals(1, one.size());
        assertEquals(Sha256.hex("hello".getBytes()), one.get(0).sha256());
    }

    @Test
    void repetitiveContentIsCutAtTheMaximumSize() throws IOException {
        List<Chunk> chunks = chunks(new byte[MIB]);
        assertEquals(4, chunks.size());
        assertEquals(1, new HashSet<>(chunks.stream().map(Chunk::sha256).toList()).size(), "identical chunks share one hash");
    }

    private static List<Chunk> chunks(byte[] data) throws IOException {
        List<Chunk> out = new ArrayList<>();
        ChunkReader r = new ChunkReader(new ByteArrayInputStream(data));
        for (Chunk c; (c = r.next()) != null;) {
            out.add(c);
        }
        return out;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
