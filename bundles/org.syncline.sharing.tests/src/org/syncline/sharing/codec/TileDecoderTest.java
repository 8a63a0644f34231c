package org.syncline.sharing.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;

class TileDecoderTest {

    private static byte[] zlib(byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater())) {
            deflate.write(raw);
        }
        return out.toByteArray();
    }

    private static String refused(Tile tile) {
        TileDecoder decoder = new TileDecoder();
        FrameUpdate update = new FrameUpdate(1, 0, 64, 64, true, List.of(tile));
        SynclineException e = assertThrows(SynclineException.class, () -> decoder.apply(update));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        assertTrue(e.getMessage().startsWith("Frame update refused: the tile at 0,0"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedTilesAreRefusedWithASentence() throws Exception {
        assertTrue(refused(new Tile(0, 0, 8, 8, 99, new byte[3])).contains("encoding code 99 is unknown"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.SOLID, new byte[4])).contains("3 bytes, not 4"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.RAW_DEFLATE, new byte[] { 1, 2, 3, 4 }))
                .contains("not valid zlib data"));
        byte[] full = zlib(new byte[8 * 8 * 3]);
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.RAW_DEFLATE, Arrays.copyOf(full, full.length - 6)))
                .contains("ends early"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.RAW_DEFLATE, zlib(new byte[8 * 8 * 3 - 1])))
                .contains("fewer than"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.RAW_DEFLATE, zlib(new byte[1_000_000])))
                .contains("more than"), "a zlib bomb stops at the tile's size");
        byte[] withTrailer = Arrays.copyOf(full, full.length + 2);
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.RAW_DEFLATE, withTrailer)).contains("bytes follow"));

        // Three colours take 2-bit indices; index 3 names a colour that is not there.
        byte[] palette = new byte[1 + 9 + 2 * 8];
        palette[0] = 2;
        palette[10] = (byte) 0b11_000000;
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.PALETTE_DEFLATE, zlib(palette)))
                .contains("names colour 3 of a 3-colour palette"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.PALETTE_DEFLATE, zlib(Arrays.copyOf(palette, 20))))
                .contains("not the 26"));
        // the same checks for the plain form
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.PALETTE, palette)).contains("names colour 3 of a 3-colour palette"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.PALETTE, Arrays.copyOf(palette, 20))).contains("not the 26"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.PALETTE, new byte[0])).contains("empty"));
        // the packed form: a 3x3 tile of 2-bit indices is 18 bits, 3 bytes, after the palette
        byte[] packed = new byte[1 + 9 + 3];
        packed[0] = 2;
        packed[12] = (byte) 0b11_000000;
        assertTrue(refused(new Tile(0, 0, 3, 3, TileEncoding.PALETTE_PACKED, packed)).contains("names colour 3 of a 3-colour palette"));
        assertTrue(refused(new Tile(0, 0, 3, 3, TileEncoding.PALETTE_PACKED, Arrays.copyOf(packed, 12))).contains("not the 13"));
        assertTrue(refused(new Tile(0, 0, 3, 3, TileEncoding.PALETTE_PACKED, new byte[0])).contains("empty"));
        assertTrue(refused(new Tile(0, 0, 8, 8, TileEncoding.JPEG, new byte[] { 1, 2, 3 })).contains("JPEG"));
    }

    @Test
    void aPackedPaletteRunsItsIndicesOnAcrossRows() {
        // 3x2 tile, two colours, 1-bit indices 101 / 010 as one run of bits: 0b101010_00
        byte[] data = { 1, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0b101010_00 };
        TileDecoder decoder = new TileDecoder();
        decoder.apply(new FrameUpdate(1, 0, 3, 2, true, List.of(new Tile(0, 0, 3, 2, TileEncoding.PALETTE_PACKED, data))));
        int white = 0xffffffff;
        int black = 0xff000000;
        assertArrayEquals(new int[] { white, black, white, black, white, black }, decoder.framebuffer());
    }

    @Test
    void aDeltaBeforeAnyKeyframeIsRefused() {
        TileDecoder decoder = new TileDecoder();
        FrameUpdate delta = new FrameUpdate(5, 0, 64, 64, false, List.of(new Tile(0, 0, 8, 8, TileEncoding.SOLID,
                new byte[3])));
        SynclineException e = assertThrows(SynclineException.class, () -> decoder.apply(delta));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
        assertTrue(e.getMessage().contains("before its keyframe"), e.getMessage());
    }

    @Test
    void aWellFormedSolidTileFillsItsRectangleOnly() {
        TileDecoder decoder = new TileDecoder();
        decoder.apply(new FrameUpdate(1, 0, 16, 16, true, List.of(new Tile(0, 0, 16, 16, TileEncoding.SOLID,
                new byte[] { 0, 0, 0 }), new Tile(4, 4, 2, 3, TileEncoding.SOLID, new byte[] { 1, 2, 3 }))));
        assertEquals(0xff010203, decoder.framebuffer()[4 * 16 + 4]);
        assertEquals(0xff010203, decoder.framebuffer()[6 * 16 + 5]);
        assertEquals(0xff000000, decoder.framebuffer()[7 * 16 + 5]);
        assertEquals(0xff000000, decoder.framebuffer()[4 * 16 + 6]);
    }
}
