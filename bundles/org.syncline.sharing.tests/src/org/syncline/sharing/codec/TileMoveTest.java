package org.syncline.sharing.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.Region;

/** Scrolling as moves ({@link TileEncoding#COPY}): encode, send, decode gives the host's pixels exactly. */
class TileMoveTest {

    /** An odd-sized window (partial tiles at the right and bottom edges). */
    static final int W = 301;
    static final int H = 203;

    /** A page of "text": lines of random dark strokes on white, with blank lines between paragraphs. */
    static int[] page(int rows, long seed) {
        int[] pixels = new int[W * rows];
        java.util.Arrays.fill(pixels, 0xffffffff);
        Random random = new Random(seed);
        for (int line = 0; line * 16 < rows; line++) {
            if (line % 5 == 4) {
                continue;
            }
            for (int x = 2; x < W - 4; x += 4) {
                if (random.nextInt(3) != 0) {
                    for (int y = line * 16 + 2; y < Math.min(rows, line * 16 + 13); y++) {
                        if (random.nextInt(4) == 0) {
                            pixels[y * W + x + random.nextInt(3)] = 0xff000000 | random.nextInt(0x404040);
                        }
                    }
                }
            }
        }
        return pixels;
    }

    /** The window showing {@code page} from row {@code offset}, with a fixed 20-pixel toolbar at the top. */
    static int[] view(int[] page, int offset) {
        int[] view = new int[W * H];
        for (int y = 0; y < H; y++) {
            if (y < 20) {
                java.util.Arrays.fill(view, y * W, y * W + W, 0xff336699);
            } else {
                System.arraycopy(page, (offset + y - 20) * W, view, y * W, W);
            }
        }
        return view;
    }

    private static FrameUpdate roundTrip(FrameUpdate update) {
        return FrameUpdate.fromBytes(update.toBytes());
    }

    @Test
    void scrollingGoesAsOneMovePlusTheRowsScrolledInAndDecodesToTheSamePixels() {
        int[] page = page(H * 4, 3);
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        FrameUpdate first = encoder.encode(CapturedFrame.of(view(page, 0), W, H, false, List.of()));
        decoder.apply(roundTrip(first));
        int offset = 0;
        // down and up, small and large steps, with and without damage information
        int[] steps = { 4, 8, 7, 64, 13, -9, -64, 30, 1, -1 };
        for (int i = 0; i < steps.length; i++) {
            offset += steps[i];
            int[] now = view(page, offset);
            boolean damage = i % 2 == 0;
            FrameUpdate update = encoder.encode(CapturedFrame.of(now, W, H, damage,
                    damage ? List.of(new Region(0, 20, W, H - 20)) : List.of()));
            Tile move = update.tiles().get(0);
            assertEquals(TileEncoding.COPY, move.encoding(), "step " + steps[i] + " starts with a move");
            assertEquals(0, move.x());
            assertEquals(W, move.width(), "the whole width scrolls");
            assertTrue(update.tiles().stream().skip(1).noneMatch(t -> t.encoding() == TileEncoding.COPY));
            int scrolledIn = Math.abs(steps[i]);
            assertTrue(update.tiles().size() - 1 <= 5 * ((scrolledIn + 63) / 64 + 1),
                    "step " + steps[i] + ": only the rows scrolled in go as tiles, not " + (update.tiles().size() - 1));
            decoder.apply(roundTrip(update));
            assertArrayEquals(now, decoder.framebuffer(), "after a scroll of " + steps[i]);
        }
    }

    @Test
    void aScrolledAreaAtTheWindowsEdgesMovesOnlyThatArea() {
        int[] page = page(H * 2, 5);
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        int[] before = view(page, 0);
        decoder.apply(roundTrip(encoder.encode(CapturedFrame.of(before, W, H, true, List.of()))));
        // only columns 237-300 (the right edge, a partial tile) and rows 20-202 (to the bottom edge) scroll
        int[] after = before.clone();
        int[] scrolled = view(page, 11);
        for (int y = 20; y < H; y++) {
            System.arraycopy(scrolled, y * W + 237, after, y * W + 237, W - 237);
        }
        FrameUpdate update = encoder.encode(CapturedFrame.of(after, W, H, true, List.of(new Region(237, 20, W - 237, H - 20))));
        Tile move = update.tiles().get(0);
        assertEquals(TileEncoding.COPY, move.encoding());
        assertEquals(237, move.x());
        assertEquals(W - 237, move.width());
        assertEquals(20, move.y());
        assertEquals(H - 11, move.y() + move.height(), "the band ends where the 11 rows scrolled in at the bottom begin");
        decoder.apply(roundTrip(update));
        assertArrayEquals(after, decoder.framebuffer());
    }

    @Test
    void noMoveWhenNothingScrolledAndNeverInAKeyframe() {
        int[] page = page(H * 2, 9);
        TileEncoder encoder = new TileEncoder();
        encoder.encode(CapturedFrame.of(view(page, 0), W, H, false, List.of()));
        Random random = new Random(1);
        int[] noise = new int[W * H];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0xff000000 | random.nextInt(0x1000000);
        }
        FrameUpdate replaced = encoder.encode(CapturedFrame.of(noise, W, H, false, List.of()));
        assertTrue(replaced.tiles().stream().noneMatch(t -> t.encoding() == TileEncoding.COPY));
        encoder.requestKeyframe();
        FrameUpdate keyframe = encoder.encode(CapturedFrame.of(view(page, 16), W, H, false, List.of()));
        assertTrue(keyframe.keyframe());
        assertTrue(keyframe.tiles().stream().noneMatch(t -> t.encoding() == TileEncoding.COPY));
    }

    @Test
    void afterMovesAKeyframeFollowsOnceTheirBytesPassTheBudget() {
        int[] page = page(H * 40, 11);
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        decoder.apply(roundTrip(encoder.encode(CapturedFrame.of(view(page, 0), W, H, false, List.of()))));
        long bytesAfterMoves = 0;
        boolean keyframeAgain = false;
        for (int offset = 16; offset < H * 38 && !keyframeAgain; offset += 16) {
            int[] now = view(page, offset);
            FrameUpdate update = encoder.encode(CapturedFrame.of(now, W, H, false, List.of()));
            keyframeAgain = update.keyframe();
            if (!keyframeAgain) {
                bytesAfterMoves += update.tiles().stream().mapToLong(t -> t.data().length).sum();
            }
            decoder.apply(roundTrip(update));
            assertArrayEquals(now, decoder.framebuffer());
        }
        assertTrue(keyframeAgain, "moves went on without a keyframe");
        assertTrue(bytesAfterMoves >= TileEncoder.MOVE_BUDGET_BYTES - 16 * 1024, "keyframe came early: " + bytesAfterMoves);
    }

    @Test
    void theDecoderMovesOverlappingRectanglesAsIfCopiedOutFirst() {
        int w = 5;
        int[] picture = new int[w * 6];
        for (int i = 0; i < picture.length; i++) {
            picture[i] = 0xff000000 | i;
        }
        TileDecoder decoder = new TileDecoder();
        decoder.apply(new FrameUpdate(1, 0, w, 6, true, List.of(rawTile(picture, w, 6))));
        // down by 2 rows and right by 1 column, overlapping its source
        decoder.apply(new FrameUpdate(2, 0, w, 6, false, List.of(new Tile(1, 2, 4, 4, TileEncoding.COPY, new byte[] { 0, 0, 0, 0 }))));
        int[] expected = picture.clone();
        for (int y = 3; y >= 0; y--) {
            for (int x = 3; x >= 0; x--) {
                expected[(y + 2) * w + x + 1] = picture[y * w + x];
            }
        }
        assertArrayEquals(expected, decoder.framebuffer());
        // and back up by 2 rows, a 1-pixel-wide edge column
        int[] before = decoder.framebuffer().clone();
        decoder.apply(new FrameUpdate(3, 0, w, 6, false, List.of(new Tile(4, 0, 1, 4, TileEncoding.COPY, new byte[] { 0, 4, 0, 2 }))));
        for (int y = 0; y < 4; y++) {
            expected[y * w + 4] = before[(y + 2) * w + 4];
        }
        assertArrayEquals(expected, decoder.framebuffer());
    }

    @Test
    void aMoveFromOutsideThePictureOrOfTheWrongLengthIsRefused() {
        TileDecoder decoder = new TileDecoder();
        int[] picture = new int[8 * 8];
        decoder.apply(new FrameUpdate(1, 0, 8, 8, true, List.of(rawTile(picture, 8, 8))));
        SynclineException outside = assertThrows(SynclineException.class, () -> decoder.apply(new FrameUpdate(2, 0, 8, 8,
                false, List.of(new Tile(0, 0, 4, 4, TileEncoding.COPY, new byte[] { 0, 5, 0, 0 })))));
        assertEquals(ErrorCode.PROTOCOL_ERROR, outside.code());
        assertTrue(outside.getMessage().contains("its source 5,0 4x4 lies outside the 8x8 picture"), outside.getMessage());
        SynclineException shortData = assertThrows(SynclineException.class, () -> decoder.apply(new FrameUpdate(3, 0, 8, 8,
                false, List.of(new Tile(0, 0, 4, 4, TileEncoding.COPY, new byte[] { 0, 1 })))));
        assertTrue(shortData.getMessage().contains("a move takes 4 bytes, not 2"), shortData.getMessage());
        assertFalse(decoder.width() == 0);
    }

    private static Tile rawTile(int[] picture, int w, int h) {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        for (int p : picture) {
            raw.write(p >> 16);
            raw.write(p >> 8);
            raw.write(p);
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        byte[] out = new byte[raw.size() + 64];
        int n = deflater.deflate(out);
        return new Tile(0, 0, w, h, TileEncoding.RAW_DEFLATE, java.util.Arrays.copyOf(out, n));
    }
}
