package org.syncline.sharing.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.Region;

class TileEncoderTest {

    private static final int W = 300;
    private static final int H = 200;

    /** A UI-like picture: a solid area, a few-colour "text" band, a many-colour "photo" block. */
    private static int[] uiPicture() {
        int[] pixels = new int[W * H];
        Random random = new Random(7);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p;
                if (y < 64) {
                    p = 0xffeeeeee;
                } else if (y < 128) {
                    p = ((x / 3 + y / 5) % 4 == 0) ? 0xff000000 : ((x + y) % 7 == 0 ? 0xff3050c0 : 0xffffffff);
                } else {
                    p = 0xff000000 | random.nextInt(0x1000000);
                }
                pixels[y * W + x] = p;
            }
        }
        return pixels;
    }

    private static FrameUpdate roundTrip(FrameUpdate update) {
        return FrameUpdate.fromBytes(update.toBytes());
    }

    @Test
    void aKeyframeRoundTripReproducesEveryPixelAndPicksEncodingsByContent() {
        int[] picture = uiPicture();
        TileEncoder encoder = new TileEncoder();
        FrameUpdate update = encoder.encode(CapturedFrame.of(picture, W, H, false, List.of()));
        assertTrue(update.keyframe());
        assertEquals(5 * 4, update.tiles().size(), "a keyframe covers the window in 64x64 tiles");
        Set<Integer> encodings = update.tiles().stream().map(Tile::encoding).collect(Collectors.toSet());
        assertEquals(Set.of(TileEncoding.SOLID, TileEncoding.PALETTE_DEFLATE, TileEncoding.RAW_DEFLATE), encodings);
        assertEquals(TileEncoding.SOLID, tileAt(update, 0, 0).encoding());
        assertEquals(TileEncoding.PALETTE_DEFLATE, tileAt(update, 64, 64).encoding());
        assertEquals(TileEncoding.RAW_DEFLATE, tileAt(update, 64, 128).encoding());
        assertTrue(tileAt(update, 0, 0).data().length == 3);

        TileDecoder decoder = new TileDecoder();
        decoder.apply(roundTrip(update));
        assertEquals(W, decoder.width());
        assertArrayEquals(picture, decoder.framebuffer());
    }

    @Test
    void afterASmallChangeOnlyTheChangedTileIsSentAndTheViewerMatchesAgain() {
        int[] picture = uiPicture();
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        decoder.apply(roundTrip(encoder.encode(CapturedFrame.of(picture, W, H, false, List.of()))));

        picture[70 * W + 130] = 0xffff0000; // one "typed" pixel in the tile at (128, 64)
        FrameUpdate noDamageInfo = encoder.encode(CapturedFrame.of(picture, W, H, false, List.of()));
        assertFalse(noDamageInfo.keyframe());
        assertEquals(1, noDamageInfo.tiles().size(), "found by comparing every tile");
        assertEquals(List.of(130, 70, 1, 1), rect(noDamageInfo.tiles().get(0)), "only the changed pixel's rectangle");
        decoder.apply(roundTrip(noDamageInfo));
        assertArrayEquals(picture, decoder.framebuffer());

        picture[199 * W + 299] = 0xff00ff00;
        picture[10 * W + 10] = 0xff0000ff;
        // Damage says only the bottom-right corner changed: the encoder looks there and nowhere else.
        FrameUpdate damaged = encoder.encode(CapturedFrame.of(picture, W, H, true, List.of(new Region(290, 190, 10, 10))));
        assertEquals(1, damaged.tiles().size());
        assertEquals(List.of(299, 199, 1, 1), rect(damaged.tiles().get(0)), "the changed pixel in the edge tile");

        FrameUpdate nothing = encoder.encode(CapturedFrame.of(picture, W, H, true, List.of(new Region(0, 0, 64, 64))));
        assertEquals(1, nothing.tiles().size(), "the pixel the damage missed before is sent once it is reported");
        FrameUpdate quiet = encoder.encode(CapturedFrame.of(picture, W, H, false, List.of()));
        assertTrue(quiet.tiles().isEmpty(), "an unchanged frame sends nothing");
    }

    private static List<Integer> rect(Tile t) {
        return List.of(t.x(), t.y(), t.width(), t.height());
    }

    @Test
    void typedLettersGoAsTheirOwnRectanglesUntilTheyOutweighTheWholeTile() {
        int[] picture = uiPicture();
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        FrameUpdate first = encoder.encode(CapturedFrame.of(picture, W, H, false, List.of()));
        decoder.apply(roundTrip(first));
        int wholeTile = tileAt(first, 64, 64).data().length;
        Random random = new Random(3);
        int parts = 0;
        long partBytes = 0;
        boolean wholeAgain = false;
        int plain = 0;
        // "type" 6x10 letters into the tile at (64, 64) (the text band), each one a frame
        for (int letter = 0; letter < 60 && !wholeAgain; letter++) {
            int lx = 64 + (letter * 7) % 56;
            int ly = 64 + (letter * 7 / 56 * 12) % 52;
            for (int y = ly; y < ly + 10; y++) {
                for (int x = lx; x < lx + 6; x++) {
                    picture[y * W + x] = random.nextInt(3) == 0 ? 0xff000000 : 0xffffffff;
                }
            }
            FrameUpdate typed = encoder.encode(CapturedFrame.of(picture, W, H, true, List.of(new Region(lx, ly, 6, 10))));
            assertEquals(1, typed.tiles().size());
            Tile t = typed.tiles().get(0);
            if (t.width() == 64 && t.height() == 64) {
                wholeAgain = true;
                assertTrue(partBytes >= Math.max(wholeTile, TileEncoder.PART_BUDGET_BYTES),
                        "a whole tile again only once the letters outweigh it and the part budget: " + partBytes);
            } else {
                parts++;
                partBytes += t.data().length;
                assertTrue(t.width() <= 6 && t.height() <= 10, "at most the letter's cell: " + rect(t));
                // a few colours in at most 6x10: tens of bytes plain, which zlib's own 6 bytes and framing only enlarge
                assertTrue(t.encoding() == TileEncoding.PALETTE_PACKED || t.encoding() == TileEncoding.SOLID,
                        "a letter goes as a packed palette, not " + TileEncoding.name(t.encoding()) + ": " + rect(t));
                plain += t.encoding() == TileEncoding.PALETTE_PACKED ? 1 : 0;
            }
            decoder.apply(roundTrip(typed));
            assertArrayEquals(picture, decoder.framebuffer(), "after letter " + letter);
        }
        assertTrue(parts >= 2, "letters went as their own rectangles");
        assertTrue(plain >= 2, "letters went as plain palettes");
        assertTrue(wholeAgain, "the whole tile went again, which lets the relay drop the letters' rectangles");
    }

    @Test
    void lettersTypedIntoABlankTileGoAsRectanglesUpToThePartBudgetThoughTheBlankTileIsTiny() {
        int[] picture = new int[W * H];
        Arrays.fill(picture, 0xffffffff);
        TileEncoder encoder = new TileEncoder();
        TileDecoder decoder = new TileDecoder();
        FrameUpdate first = encoder.encode(CapturedFrame.of(picture, W, H, false, List.of()));
        decoder.apply(roundTrip(first));
        assertEquals(TileEncoding.SOLID, tileAt(first, 0, 0).encoding(), "a blank tile is one colour: 3 bytes");
        long partBytes = 0;
        for (int letter = 0; letter < 7; letter++) {
            int lx = 1 + letter * 8;
            for (int y = 2; y < 11; y++) {
                picture[y * W + lx] = 0xff202020;
                picture[y * W + lx + 3] = 0xff202020;
            }
            picture[6 * W + lx + 1] = 0xff202020;
            FrameUpdate typed = encoder.encode(CapturedFrame.of(picture, W, H, true, List.of(new Region(lx, 2, 4, 9))));
            assertEquals(1, typed.tiles().size());
            Tile t = typed.tiles().get(0);
            assertEquals(List.of(lx, 2, 4, 9), rect(t), "letter " + letter + " goes as its own rectangle");
            partBytes += t.data().length;
            decoder.apply(roundTrip(typed));
            assertArrayEquals(picture, decoder.framebuffer(), "after letter " + letter);
        }
        assertTrue(partBytes < TileEncoder.PART_BUDGET_BYTES, "seven letters stay inside the budget: " + partBytes);
    }

    @Test
    void aKeyframeOnDemandAndAfterAResizeCarriesEveryTile() {
        int[] picture = uiPicture();
        TileEncoder encoder = new TileEncoder();
        encoder.encode(CapturedFrame.of(picture, W, H, false, List.of()));
        encoder.requestKeyframe();
        FrameUpdate late = encoder.encode(CapturedFrame.of(picture, W, H, true, List.of()));
        assertTrue(late.keyframe());
        assertEquals(20, late.tiles().size());
        TileDecoder joiner = new TileDecoder();
        joiner.apply(roundTrip(late));
        assertArrayEquals(picture, joiner.framebuffer());

        int[] smaller = new int[100 * 70];
        java.util.Arrays.fill(smaller, 0xff123456);
        FrameUpdate resized = encoder.encode(CapturedFrame.of(smaller, 100, 70, true, List.of()));
        assertTrue(resized.keyframe());
        assertEquals(4, resized.tiles().size());
        joiner.apply(roundTrip(resized));
        assertEquals(100, joiner.width());
        assertArrayEquals(smaller, joiner.framebuffer());
    }

    @Test
    void paletteTilesOfEveryIndexWidthRoundTrip() {
        for (int colours : new int[] { 2, 3, 4, 5, 16, 17, 255, 256 }) {
            int[] picture = new int[64 * 64];
            for (int i = 0; i < picture.length; i++) {
                picture[i] = 0xff000000 | ((i * 31 + i / 64) % colours) * 0x010203;
            }
            FrameUpdate update = new TileEncoder().encode(CapturedFrame.of(picture, 64, 64, false, List.of()));
            assertEquals(TileEncoding.PALETTE_DEFLATE, update.tiles().get(0).encoding(), colours + " colours");
            TileDecoder decoder = new TileDecoder();
            decoder.apply(roundTrip(update));
            assertArrayEquals(picture, decoder.framebuffer(), colours + " colours");
        }
    }

    @Test
    void photoTilesGoAsJpegOnlyWhenTheHostAllowsLossyAndStayClose() {
        int[] photo = new int[128 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 128; x++) {
                int r = x * 2;
                int g = y * 4;
                int b = x + y;
                photo[y * 128 + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        FrameUpdate lossless = new TileEncoder().encode(CapturedFrame.of(photo, 128, 64, false, List.of()));
        assertTrue(lossless.tiles().stream().noneMatch(t -> t.encoding() == TileEncoding.JPEG));

        FrameUpdate lossy = new TileEncoder(true, 0.9f).encode(CapturedFrame.of(photo, 128, 64, false, List.of()));
        assertTrue(lossy.tiles().stream().allMatch(t -> t.encoding() == TileEncoding.JPEG), "smooth many-colour tiles");
        assertTrue(lossy.toBytes().length < lossless.toBytes().length);
        TileDecoder decoder = new TileDecoder();
        decoder.apply(roundTrip(lossy));
        for (int i = 0; i < photo.length; i++) {
            int got = decoder.framebuffer()[i];
            for (int shift = 0; shift <= 16; shift += 8) {
                int difference = Math.abs((got >> shift & 0xff) - (photo[i] >> shift & 0xff));
                assertTrue(difference <= 48, "pixel " + i + " drifted by " + difference);
            }
            assertEquals(0xff, got >>> 24);
        }
    }

    private static Tile tileAt(FrameUpdate update, int x, int y) {
        return update.tiles().stream().filter(t -> t.x() == x && t.y() == y).findFirst().orElseThrow();
    }
}
