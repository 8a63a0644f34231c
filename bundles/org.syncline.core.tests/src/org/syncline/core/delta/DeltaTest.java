package org.syncline.core.delta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;

class DeltaTest {
    @TempDir
    Path tmp;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Result of a round trip: the delta's stats and the patched file, checked byte for byte and by SHA-256. */
    private Delta.Stats roundTrip(byte[] basis, byte[] changed) throws IOException {
        Path basisFile = tmp.resolve("basis");
        Files.write(basisFile, basis);
        ByteArrayOutputStream sigWire = new ByteArrayOutputStream();
        Signature.of(basisFile).write(sigWire);
        Signature sig = Signature.read(new ByteArrayInputStream(sigWire.toByteArray())); // as the sender gets it
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        Delta.Stats stats = Delta.write(sig, new ByteArrayInputStream(changed), delta);
        assertEquals(delta.size(), stats.wireBytes());
        Path target = tmp.resolve("target");
        String sha = Patch.apply(basisFile, new ByteArrayInputStream(delta.toByteArray()), target);
        assertArrayEquals(changed, Files.readAllBytes(target));
        assertEquals(Sha256.hex(changed), sha);
        assertEquals(Sha256.hex(changed), stats.sha256());
        assertEquals(changed.length, stats.literalBytes() + stats.copiedBytes());
        return stats;
    }

    @Test
    void blockSizeFollowsRsync() {
        assertEquals(700, BlockSize.forLength(0));
        assertEquals(700, BlockSize.forLength(490_000));
        assertEquals(10_240, BlockSize.forLength(100L << 20));
        assertEquals(0, BlockSize.forLength(1_000_003) % 8);
        assertEquals(128 * 1024, BlockSize.forLength(1L << 40));
        assertEquals(3, BlockSize.strongLength(100L << 20, 10_240)); // what rsync 3 uses for a 100 MiB file
        assertEquals(2, BlockSize.strongLength(1000, 700));
    }

    @Test
    void rollingEqualsRecomputing() {
        byte[] b = random(5000, 1);
        RollingChecksum r = new RollingChecksum(700);
        r.reset(b, 0, 700);
        for (int i = 1; i + 700 <= b.length; i++) {
            r.roll(b[i - 1], b[i + 699]);
            assertEquals(RollingChecksum.of(b, i, 700), r.value(), "at " + i);
        }
    }

    @Test
    void oneChangedByteSendsAboutOneBlock() throws IOException {
        byte[] basis = random(1 << 20, 2);
        byte[] changed = basis.clone();
        changed[500_000] ^= 0x5a;
        Delta.Stats s = roundTrip(basis, changed);
        int bs = BlockSize.forLength(basis.length);
        assertTrue(s.literalBytes() <= bs, "literal " + s.literalBytes());
        assertTrue(s.wireBytes() < bs + 100, "wire " + s.wireBytes());
    }

    @Test
    void insertionAtTheStartShiftsEveryOffsetButCopiesTheRest() throws IOException {
        byte[] basis = random(300_000, 3);
        Delta.Stats s = roundTrip(basis, concat("inserted at the start".getBytes(), basis));
        assertEquals(21, s.literalBytes());
        assertEquals(basis.length, s.copiedBytes());
    }

    @Test
    void deletionInTheMiddle() throws IOException {
        byte[] basis = random(300_000, 4);
        byte[] changed = concat(Arrays.copyOfRange(basis, 0, 100_000), Arrays.copyOfRange(basis, 100_123, basis.length));
        Delta.Stats s = roundTrip(basis, changed);
        assertTrue(s.literalBytes() < 2 * 700, "literal " + s.literalBytes());
    }

    @Test
    void appendedDataIsTheOnlyLiteral() throws IOException {
        byte[] basis = random(70_000, 5); // 100 whole blocks of 700
        byte[] extra = random(999, 6);
        Delta.Stats s = roundTrip(basis, concat(basis, extra));
        assertEquals(999, s.literalBytes());
    }

    @Test
    void theShortLastBlockIsMatchedToo() throws IOException {
        byte[] basis = random(70_350, 7);
        Delta.Stats s = roundTrip(basis, concat(new byte[] { 1 }, basis));
        assertEquals(1, s.literalBytes());
    }

    @Test
    void anEmptyBasisMakesAnAllLiteralDeltaAndAMissingBasisIsEmpty() throws IOException {
        byte[] changed = random(200_000, 8);
        Delta.Stats s = roundTrip(new byte[0], changed);
        assertEquals(changed.length, s.literalBytes());
        assertEquals(Signature.empty().blockCount(), Signature.of(tmp.resolve("nothing-here")).blockCount());
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        Delta.write(Signature.empty(), new ByteArrayInputStream(changed), delta);
        Path target = tmp.resolve("new");
        Patch.apply(tmp.resolve("nothing-here"), new ByteArrayInputStream(delta.toByteArray()), target);
        assertArrayEquals(changed, Files.readAllBytes(target));
    }

    @Test
    void aWholeDeltaOfEveryLengthAroundItsLiteralSizePatchesBack() throws IOException {
        for (int n : new int[] { 0, 1, 65_535, 65_536, 65_537, 3 * 65_536 }) {
            byte[] content = random(n, n);
            ByteArrayOutputStream delta = new ByteArrayOutputStream();
            Delta.Stats s = Delta.whole(new ByteArrayInputStream(content), delta, null);
            assertEquals(delta.size(), s.wireBytes(), "length " + n);
            assertEquals(n, s.literalBytes());
            assertEquals(Sha256.hex(content), s.sha256());
            Path target = tmp.resolve("whole-" + n);
            assertEquals(Sha256.hex(content), Patch.apply(tmp.resolve("nothing-here"), new ByteArrayInputStream(delta.toByteArray()), target));
            assertArrayEquals(content, Files.readAllBytes(target));
        }
    }

    @Test
    void aWholeDeltaCarriesTheHashItWasGivenAndThePatchRefusesContentThatDoesNotMatchIt() throws IOException {
        byte[] content = random(100_000, 12);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        String claimed = Sha256.hex(random(10, 13));
        assertEquals(claimed, Delta.whole(new ByteArrayInputStream(content), delta, claimed).sha256());
        Path target = tmp.resolve("claimed");
        SynclineException e = assertThrows(SynclineException.class,
                () -> Patch.apply(tmp.resolve("nothing-here"), new ByteArrayInputStream(delta.toByteArray()), target));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertFalse(Files.exists(target));
    }

    @Test
    void identicalFilesAreOneCopyInstruction() throws IOException {
        byte[] basis = random(1 << 20, 9);
        Delta.Stats s = roundTrip(basis, basis);
        assertEquals(0, s.literalBytes());
        // magic, block size, basis length, one COPY (tag, first, count), END (tag, length, SHA-256)
        assertTrue(s.wireBytes() < 4 + 3 + 4 + 1 + 1 + 3 + 1 + 4 + 32 + 1, "wire " + s.wireBytes());
    }

    @Test
    void anEmptyNewFileAgainstABasis() throws IOException {
        Delta.Stats s = roundTrip(random(5000, 10), new byte[0]);
        assertEquals(0, s.literalBytes() + s.copiedBytes());
    }

    @Test
    void randomEditsOnRandomDataRoundTrip() throws IOException {
        Random r = new Random(11);
        for (int round = 0; round < 20; round++) {
            byte[] basis = random(r.nextInt(400_000), r.nextLong());
            ByteArrayOutputStream changed = new ByteArrayOutputStream();
            int at = 0;
            while (at < basis.length) {
                int keep = Math.min(basis.length - at, r.nextInt(50_000));
                changed.write(basis, at, keep);
                at += keep;
                switch (r.nextInt(3)) {
                    case 0 -> changed.writeBytes(random(r.nextInt(3000), r.nextLong())); // insert
                    case 1 -> at += r.nextInt(3000); // delete
                    default -> {
                        // keep going unchanged
                    }
                }
            }
            roundTrip(basis, changed.toByteArray());
        }
    }

    @Test
    void longLiteralsAreSplitAtTheBound() throws IOException {
        byte[] changed = random(3 * Wire.MAX_LITERAL + 17, 12);
        Delta.Stats s = roundTrip(new byte[0], changed);
        assertTrue(s.wireBytes() < changed.length + 4 * 4 + 50);
    }

    @Test
    void aCorruptOrTruncatedDeltaIsRefusedAndTheTargetIsUntouched() throws IOException {
        byte[] basis = random(100_000, 13);
        byte[] changed = concat(basis, "tail".getBytes());
        Path basisFile = tmp.resolve("basis");
        Files.write(basisFile, basis);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Delta.write(Signature.of(basisFile), new ByteArrayInputStream(changed), out);
        byte[] delta = out.toByteArray();
        Path target = tmp.resolve("target");
        Files.writeString(target, "before");

        byte[] flipped = delta.clone();
        flipped[delta.length - 40] ^= 1; // inside the literal "tail"
        assertRefused(ErrorCode.INTEGRITY, basisFile, flipped, target);
        assertRefused(ErrorCode.PROTOCOL_ERROR, basisFile, Arrays.copyOf(delta, delta.length - 5), target);
        byte[] badTag = delta.clone();
        badTag[4 + 2 + 3] = 9; // the first instruction (block size 700: 2 varint bytes; basis length 100000: 3)
        assertRefused(ErrorCode.PROTOCOL_ERROR, basisFile, badTag, target);
        byte[] badMagic = delta.clone();
        badMagic[0] = 'X';
        assertRefused(ErrorCode.PROTOCOL_ERROR, basisFile, badMagic, target);
        byte[] beyond = concat(Arrays.copyOf(delta, 9), new byte[] { Wire.COPY, 100, 100 });
        assertRefused(ErrorCode.PROTOCOL_ERROR, basisFile, beyond, target);

        Files.write(basisFile, concat(basis, new byte[] { 1 })); // another basis than the delta's
        assertRefused(ErrorCode.INTEGRITY, basisFile, delta, target);
        try (var files = Files.list(tmp)) {
            assertEquals(List.of("basis", "target"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
        }
    }

    private static void assertRefused(ErrorCode code, Path basis, byte[] delta, Path target) throws IOException {
        SynclineException e = assertThrows(SynclineException.class, () -> Patch.apply(basis, new ByteArrayInputStream(delta), target));
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
        assertEquals("before", Files.readString(target));
    }

    @Test
    void aMalformedSignatureIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path basis = tmp.resolve("b");
        Files.write(basis, random(10_000, 14));
        Signature.of(basis).write(out);
        byte[] wire = out.toByteArray();
        assertEquals(wire.length, Signature.of(basis).wireSize());
        assertSigRefused(Arrays.copyOf(wire, wire.length - 1), "ends early");
        // length 10000 (varint 0x90 0x4e), block size 8, strong length 4
        byte[] smallBlock = concat(Arrays.copyOf(wire, 4), new byte[] { (byte) 0x90, 0x4e, 8, 4 });
        assertSigRefused(smallBlock, "below 700");
        byte[] huge = concat(Arrays.copyOf(wire, 4), new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0x7f });
        assertSigRefused(huge, "above the limit");
        byte[] badHash = concat(Arrays.copyOf(wire, 4), new byte[] { (byte) 0x90, 0x4e, (byte) 0xbc, 0x05, 33 });
        assertSigRefused(badHash, "outside 2 to 32");
    }

    private static void assertSigRefused(byte[] wire, String says) {
        InputStream in = new ByteArrayInputStream(wire);
        SynclineException e = assertThrows(SynclineException.class, () -> Signature.read(in));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }
}
