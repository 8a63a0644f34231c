package org.syncline.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
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

    @Test
    void lyingTileCountIsRefusedBeforeAllocating() {
        byte[] bytes = sample().toBytes();
        ByteBuffer.wrap(bytes).putInt(4 + 8 + 8 + 4 + 4 + 1, Integer.MAX_VALUE);
        SynclineException e = assertThrows(SynclineException.class, () -> FrameUpdate.fromBytes(bytes));
        assertTrue(e.getMessage().contains("claims 2147483647 tiles"), e.getMessage());
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
