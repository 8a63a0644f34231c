package org.syncline.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class FrameUpdateTest {

    private static FrameUpdate sample() {
        return new FrameUpdate(42, 1_700_000_000_123L, 100, 50, false, List.of(
                new Tile(0, 0, 64, 50, 1, new byte[] { 1, 2, 3 }),
                new Tile(64, 0, 36, 50, 7, new byte[0])));
    }

    @Test
    void roundTripKeepsEveryField() {
        FrameUpdate read = FrameUpdate.fromBytes(sample().toBytes());
        assertEquals(42, read.sequence());
        assertEquals(1_700_000_000_123L, read.capturedAtMillis());
        assertEquals(100, read.width());
        assertEquals(50, read.height());
        assertEquals(false, read.keyframe());
        assertEquals(2, read.tiles().size());
        Tile second = read.tiles().get(1);
        assertEquals(64, second.x());
        assertEquals(36, second.width());
        assertEquals(7, second.encoding());
        assertArrayEquals(new byte[] { 1, 2, 3 }, read.tiles().get(0).data());
    }

    @Test
    void tileOutsideTheWindowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameUpdate(1, 0, 100, 50, true, List.of(new Tile(90, 0, 20, 10, 1, new byte[0]))));
        assertTrue(e.getMessage().contains("outside the 100x50 window"), e.getMessage());
    }

    @Test
    void truncatedUpdateIsRefusedWithACode() {
        byte[] bytes = sample().toBytes();
        SynclineException e = assertThrows(SynclineException.class,
                () -> FrameUpdate.fromBytes(Arrays.copyOf(bytes, bytes.length - 2)));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        assertTrue(e.getMessage().contains("ends early"), e.getMessage());
    }

    /** The first wire form ("SLF1", fixed-size big-endian numbers), as hosts and relays before the varint form wrote it. */
    private static byte[] fixedForm(FrameUpdate update, int claimedTiles) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x534c4631);
        out.writeLong(update.sequence());
        out.writeLong(update.capturedAtMillis());
        out.writeInt(update.width());
        out.writeInt(update.height());
        out.writeByte(update.keyframe() ? 1 : 0);
        out.writeInt(claimedTiles);
        for (Tile tile : update.tiles()) {
            out.writeInt(tile.x());
            out.writeInt(tile.y());
            out.writeInt(tile.width());
            out.writeInt(tile.height());
            out.writeByte(tile.encoding());
            out.writeInt(tile.data().length);
            out.write(tile.data());
        }
        return bytes.toByteArray();
    }

    @Test
    void theFirstWireFormIsStillReadAndTheVarintFormIsSmaller() throws Exception {
        byte[] fixed = fixedForm(sample(), 2);
        FrameUpdate read = FrameUpdate.fromBytes(fixed);
        assertEquals(sample().sequence(), read.sequence());
        assertEquals(sample().capturedAtMillis(), read.capturedAtMillis());
        assertEquals(2, read.tiles().size());
        assertEquals(64, read.tiles().get(1).x());
        assertArrayEquals(new byte[] { 1, 2, 3 }, read.tiles().get(0).data());
        byte[] varint = sample().toBytes();
        assertEquals(varint.length, sample().encodedSize());
        // 33 bytes of frame header and 21 a tile in the first form; here 15 and 6 (numbers below 128 take a byte)
        assertEquals(fixed.length - 18 - 2 * 15, varint.length, "varint form of the sample");
    }

    @Test
    void lyingTileCountIsRefusedBeforeAllocating() throws Exception {
        SynclineException fixed = assertThrows(SynclineException.class,
                () -> FrameUpdate.fromBytes(fixedForm(sample(), Integer.MAX_VALUE)));
        assertTrue(fixed.getMessage().contains("claims 2147483647 tiles"), fixed.getMessage());
        byte[] bytes = sample().toBytes();
        // magic 4, sequence 1, captured-at 6, width 1, height 1, keyframe 1: the count's one byte follows
        assertEquals(2, bytes[14]);
        byte[] lying = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, lying, 0, 14);
        lying[14] = (byte) 0xc0; // 1,000,000 as a varint: c0 84 3d
        lying[15] = (byte) 0x84;
        lying[16] = 0x3d;
        System.arraycopy(bytes, 15, lying, 17, bytes.length - 15);
        SynclineException e = assertThrows(SynclineException.class, () -> FrameUpdate.fromBytes(lying));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        assertTrue(e.getMessage().contains("claims 1000000 tiles"), e.getMessage());
        byte[] endless = Arrays.copyOf(bytes, 30);
        Arrays.fill(endless, 4, 30, (byte) 0xff);
        assertTrue(assertThrows(SynclineException.class, () -> FrameUpdate.fromBytes(endless)).getMessage()
                .contains("longer than 64 bits"));
    }

    @Test
    void wrongMarkerAndTrailingBytesAreRefused() {
        byte[] bytes = sample().toBytes();
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
        assertTrue(assertThrows(SynclineException.class, () -> FrameUpdate.fromBytes(trailing)).getMessage()
                .contains("bytes follow"));
        bytes[0] = 'X';
        assertTrue(assertThrows(SynclineException.class, () -> FrameUpdate.fromBytes(bytes)).getMessage()
                .contains("frame marker"));
    }
}
