package org.syncline.sync.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.sync.ChunkPack;

/** Many chunks in one stream, and how small files are cut into runs that each fit one pack. */
class ChunkPackTest {
    @Test
    void chunksComeOutOfAPackInOrderWithTheirBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] data = ("chunk number " + i + " ").repeat(i + 1).getBytes(StandardCharsets.UTF_8);
            shas.add(Sha256.hex(data));
            ChunkPack.write(out, Sha256.hex(data), data, data.length);
        }
        Map<String, String> got = new LinkedHashMap<>();
        try (ChunkPack.Unpacking in = new ChunkPack.Unpacking(shas, (sha, data) -> got.put(sha, new String(data, StandardCharsets.UTF_8)))) {
            in.write(out.toByteArray());
        }
        assertEquals(shas, List.copyOf(got.keySet()));
        assertEquals("chunk number 2 ".repeat(3), got.get(shas.get(2)));
    }

    @Test
    void aChunkWhoseBytesDoNotMatchItsNameOrAMissingChunkIsAnIntegrityError() throws Exception {
        byte[] data = "the truth".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex("a lie".getBytes(StandardCharsets.UTF_8)), data, data.length);
        ChunkPack.Unpacking lying = new ChunkPack.Unpacking(List.of(Sha256.hex("a lie".getBytes(StandardCharsets.UTF_8))), (s, d) -> {
        });
        lying.write(out.toByteArray());
        assertEquals(ErrorCode.INTEGRITY, assertThrows(SynclineException.class, lying::close).code());

        ChunkPack.Unpacking short1 = new ChunkPack.Unpacking(List.of(Sha256.hex(data), Sha256.hex(data)), (s, d) -> {
        });
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        ChunkPack.write(one, Sha256.hex(data), data, data.length);
        short1.write(one.toByteArray());
        assertEquals(ErrorCode.INTEGRITY, assertThrows(SynclineException.class, short1::close).code());
    }

    @Test
    void aTruncatedOrOversizedEntryIsABadRequest() throws Exception {
        byte[] data = new byte[1000];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(data), data, data.length);
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 3);
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(SynclineException.class, () -> new ChunkPack.Reader(new ByteArrayInputStream(cut)).next()).code());

        ByteArrayOutputStream huge = new ByteArrayOutputStream();
        byte[] big = new byte[ChunkPack.MAX_BYTES];
        ChunkPack.write(huge, Sha256.hex(big), big, big.length); // deflates to a few KiB, inflates past a chunk's size
        SynclineException e = assertThrows(SynclineException.class, () -> new ChunkPack.Reader(new ByteArrayInputStream(huge.toByteArray())).next());
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }

    @Test
    void aChunkThatDoesNotShrinkIsStoredBesideOneThatIsDeflated() throws Exception {
        byte[] text = "the same line of text, again and again\n".repeat(1700).getBytes(StandardCharsets.UTF_8); // ~64 KiB
        byte[] noise = random(64 * 1024, 1);
        byte[] small = random(100, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(text), text, text.length);
        int afterText = out.size();
        ChunkPack.write(out, Sha256.hex(noise), noise, noise.length);
        int afterNoise = out.size();
        ChunkPack.write(out, Sha256.hex(small), small, small.length);
        assertTrue(afterText < text.length / 4, "the text deflated: " + afterText);
        assertEquals(HEADER + noise.length, afterNoise - afterText, "the noise stored as it is, not deflated to more");
        assertEquals(HEADER + small.length, out.size() - afterNoise, "a small chunk that does not shrink stored too");
        assertEquals(0x80, out.toByteArray()[afterText + 32] & 0x80, "the length word of a stored entry has its top bit set");

        List<String> shas = List.of(Sha256.hex(text), Sha256.hex(noise), Sha256.hex(small));
        Map<String, byte[]> got = new LinkedHashMap<>();
        try (ChunkPack.Unpacking in = new ChunkPack.Unpacking(shas, got::put)) {
            in.write(out.toByteArray());
        }
        assertEquals(shas, List.copyOf(got.keySet()));
        assertArrayEquals(text, got.get(shas.get(0)));
        assertArrayEquals(noise, got.get(shas.get(1)));
        assertArrayEquals(small, got.get(shas.get(2)));

        // as it arrives from the network: in pieces that cut headers and entries anywhere
        for (int piece : new int[] { 1, 7, 36, 65536 }) {
            Map<String, byte[]> inPieces = new LinkedHashMap<>();
            byte[] pack = out.toByteArray();
            try (ChunkPack.Unpacking in = new ChunkPack.Unpacking(shas, inPieces::put)) {
                for (int at = 0; at < pack.length; at += piece) {
                    in.write(pack, at, Math.min(piece, pack.length - at));
                }
            }
            assertEquals(shas, List.copyOf(inPieces.keySet()), "pieces of " + piece);
            assertArrayEquals(noise, inPieces.get(shas.get(1)), "pieces of " + piece);
        }
        ChunkPack.Unpacking cut = new ChunkPack.Unpacking(shas, (sha, data) -> {
        });
        cut.write(out.toByteArray(), 0, out.size() - 1);
        assertEquals(ErrorCode.BAD_REQUEST, assertThrows(SynclineException.class, cut::close).code());
    }

    @Test
    void aChunkIsJudgedByItsStartThenByTheWhole() throws Exception {
        // the writer judges a chunk by deflating a prefix: noise first means stored, even though text follows
        byte[] mixed = new byte[64 * 1024];
        System.arraycopy(random(8 * 1024, 3), 0, mixed, 0, 8 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(mixed), mixed, mixed.length);
        assertEquals(HEADER + mixed.length, out.size());
        // a chunk that starts compressible is deflated whole, and still stored when the whole does not save a sixteenth
        byte[] textThenNoise = random(64 * 1024, 4);
        Arrays.fill(textThenNoise, 0, 3 * 1024, (byte) 'a');
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        ChunkPack.write(out2, Sha256.hex(textThenNoise), textThenNoise, textThenNoise.length);
        assertEquals(HEADER + textThenNoise.length, out2.size());
        assertArrayEquals(textThenNoise, new ChunkPack.Reader(new ByteArrayInputStream(out2.toByteArray())).next().data());
    }

    @Test
    void aClientThatDoesNotReadStoredEntriesGetsEveryEntryDeflated() throws Exception {
        byte[] noise = random(64 * 1024, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(noise), noise, noise.length, false);
        assertEquals(0, out.toByteArray()[32] & 0x80, "a deflated entry's length word");
        assertArrayEquals(noise, new ChunkPack.Reader(new ByteArrayInputStream(out.toByteArray())).next().data());
    }

    @Test
    void aStoredEntryTooLongOrCutShortIsABadRequestAndATamperedOneAnIntegrityError() throws Exception {
        byte[] noise = random(64 * 1024, 6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChunkPack.write(out, Sha256.hex(noise), noise, noise.length);
        byte[] pack = out.toByteArray();

        byte[] cut = Arrays.copyOf(pack, pack.length - 1);
        SynclineException e = assertThrows(SynclineException.class, () -> new ChunkPack.Reader(new ByteArrayInputStream(cut)).next());
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());

        // a stored length past a chunk's maximum is refused before anything is allocated for it
        byte[] tooLong = Arrays.copyOf(pack, HEADER);
        int word = 0x8000_0000 | (org.syncline.core.chunk.ChunkReader.MAX_SIZE + 1);
        tooLong[32] = (byte) (word >>> 24);
        tooLong[33] = (byte) (word >>> 16);
        tooLong[34] = (byte) (word >>> 8);
        tooLong[35] = (byte) word;
        e = assertThrows(SynclineException.class, () -> new ChunkPack.Reader(new ByteArrayInputStream(tooLong)).next());
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains("stored entry of " + (org.syncline.core.chunk.ChunkReader.MAX_SIZE + 1)), e.getMessage());

        byte[] tampered = pack.clone();
        tampered[HEADER + 1000] ^= 1;
        ChunkPack.Unpacking unpacking = new ChunkPack.Unpacking(List.of(Sha256.hex(noise)), (s, d) -> {
        });
        unpacking.write(tampered);
        assertEquals(ErrorCode.INTEGRITY, assertThrows(SynclineException.class, unpacking::close).code());
        assertFalse(ChunkPack.matches(new ChunkPack.Reader(new ByteArrayInputStream(tampered)).next()));
    }

    private static final int HEADER = 32 + 4;

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void smallFilesAreCutIntoRunsThatFitOnePack() {
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            sizes.add(4096L);
        }
        sizes.add((long) ChunkPack.MAX_BYTES); // alone in its run
        List<List<Long>> runs = SyncPass.batches(sizes, s -> s, s -> 1);
        assertEquals(List.of(1000, 1000, 500, 1), runs.stream().map(List::size).toList(), "at most " + ChunkPack.MAX_CHUNKS + " chunks a run");
        for (List<Long> run : runs) {
            assertEquals(true, run.stream().mapToLong(Long::longValue).sum() <= ChunkPack.MAX_BYTES);
        }
        assertEquals(List.of(), SyncPass.batches(List.<Long>of(), s -> s, s -> 1));
    }
}
