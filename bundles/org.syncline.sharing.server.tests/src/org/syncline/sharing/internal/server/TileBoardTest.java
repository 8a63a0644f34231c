package org.syncline.sharing.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.codec.TileDecoder;
import org.syncline.sharing.codec.TileEncoder;
import org.syncline.sharing.codec.TileEncoding;

class TileBoardTest {

    private static Tile tile(int x, int y, int value) {
        return new Tile(x, y, 10, 10, 0, new byte[] {(byte) value});
    }

    private static FrameUpdate update(long seq, int width, boolean keyframe, Tile... tiles) {
        return new FrameUpdate(seq, 1000 + seq, width, 20, keyframe, List.of(tiles));
    }

    @Test
    void aViewerThatSkippedGetsOneUpdateWithOnlyTheNewestTilePerPlace() throws Exception {
        TileBoard board = new TileBoard();
        board.apply(update(1, 20, true, tile(0, 0, 1), tile(10, 0, 2), tile(0, 10, 3), tile(10, 10, 4)));
        TileBoard.Delta first = board.waitNewer(TileBoard.Seen.NOTHING, 0);
        assertTrue(first.update().keyframe());
        assertEquals(4, first.update().tiles().size());

        board.apply(update(2, 20, false, tile(0, 0, 5)));
        board.apply(update(3, 20, false, tile(10, 10, 6)));
        board.apply(update(4, 20, false, tile(0, 0, 7)));
        TileBoard.Delta merged = board.waitNewer(first.seen(), 0);
        assertFalse(merged.update().keyframe());
        assertEquals(4, merged.update().sequence());
        assertEquals(List.of(6, 7), merged.update().tiles().stream().map(t -> (int) t.data()[0]).toList());
        assertNull(board.waitNewer(merged.seen(), 0), "nothing is newer than what the viewer has");
    }

    @Test
    void aLateJoinerGetsAKeyframeOfEveryPlaceWithItsNewestTile() throws Exception {
        TileBoard board = new TileBoard();
        board.apply(update(1, 20, true, tile(0, 0, 1), tile(10, 0, 2)));
        board.apply(update(2, 20, false, tile(10, 0, 9)));
        FrameUpdate late = board.waitNewer(TileBoard.Seen.NOTHING, 0).update();
        assertTrue(late.keyframe());
        assertEquals(2, late.tiles().size());
        assertArrayEquals(new byte[] {9}, late.tiles().stream().filter(t -> t.x() == 10).findFirst().orElseThrow().data());
    }

    @Test
    void aNewWindowSizeStartsANewBoardAndEveryViewerGetsAKeyframe() throws Exception {
        TileBoard board = new TileBoard();
        board.apply(update(1, 20, true, tile(0, 0, 1), tile(10, 0, 2)));
        TileBoard.Seen seen = board.waitNewer(TileBoard.Seen.NOTHING, 0).seen();
        board.apply(update(2, 10, false, tile(0, 0, 3)));
        FrameUpdate resized = board.waitNewer(seen, 0).update();
        assertTrue(resized.keyframe());
        assertEquals(10, resized.width());
        assertEquals(1, resized.tiles().size(), "a tile of the old size survived the resize");
    }

    @Test
    void nothingIsSentBeforeTheHostsFirstFrameAndAClosedBoardEndsTheWait() throws Exception {
        TileBoard board = new TileBoard();
        assertNull(board.waitNewer(TileBoard.Seen.NOTHING, 0));
        board.close();
        assertNull(board.waitNewer(TileBoard.Seen.NOTHING, 60_000));
        assertTrue(board.isClosed());
    }

    /** A scrolling page with a counter box that changes in place: moves and plain tiles mixed. */
    private static int[] scrolled(int w, int h, int offset, int frame) {
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int row = y + offset;
                boolean ink = (row % 16) < 11 && ((x * 7 + row * 13) % 23) < 3 && (row / 16) % 6 != 5;
                pixels[y * w + x] = ink ? 0xff000000 | (row * 31 % 200) : 0xffffffff;
            }
        }
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                pixels[(y + 5) * w + x + 5] = 0xff000000 | frame * 40;
            }
        }
        return pixels;
    }

    @Test
    void withMovesEveryViewerStillEndsWithTheHostsPictureHoweverManyUpdatesItSkipped() throws Exception {
        int w = 150;
        int h = 130;
        TileBoard board = new TileBoard();
        TileEncoder encoder = new TileEncoder();
        TileDecoder everyUpdate = new TileDecoder();
        TileDecoder everyThird = new TileDecoder();
        TileBoard.Seen seenEvery = TileBoard.Seen.NOTHING;
        TileBoard.Seen seenThird = TileBoard.Seen.NOTHING;
        boolean moved = false;
        int[] picture = null;
        for (int frame = 0; frame < 40; frame++) {
            picture = scrolled(w, h, frame * 5 + (frame > 20 ? -60 : 0), frame);
            FrameUpdate update = encoder.encode(CapturedFrame.of(picture, w, h, false, List.of()));
            moved |= update.tiles().stream().anyMatch(t -> t.encoding() == TileEncoding.COPY);
            board.apply(FrameUpdate.fromBytes(update.toBytes()));
            TileBoard.Delta every = board.waitNewer(seenEvery, 0);
            everyUpdate.apply(FrameUpdate.fromBytes(every.update().toBytes()));
            seenEvery = every.seen();
            assertArrayEquals(picture, everyUpdate.framebuffer(), "the viewer that takes every update, frame " + frame);
            if (frame % 3 == 2) {
                TileBoard.Delta merged = board.waitNewer(seenThird, 0);
                everyThird.apply(FrameUpdate.fromBytes(merged.update().toBytes()));
                seenThird = merged.seen();
                assertArrayEquals(picture, everyThird.framebuffer(), "the viewer that skips two of three, frame " + frame);
            }
        }
        assertTrue(moved, "the scrolling went as moves");
        TileDecoder late = new TileDecoder();
        FrameUpdate joined = board.waitNewer(TileBoard.Seen.NOTHING, 0).update();
        assertTrue(joined.keyframe());
        late.apply(FrameUpdate.fromBytes(joined.toBytes()));
        assertArrayEquals(picture, late.framebuffer(), "a late joiner");
    }

    private static Tile move(int x, int y, int w, int h, int sx, int sy) {
        return new Tile(x, y, w, h, TileEncoding.COPY, new byte[] {(byte) (sx >> 8), (byte) sx, (byte) (sy >> 8), (byte) sy});
    }

    @Test
    void aCoveredTileStaysWhileAMoveAfterItReadFromIt() throws Exception {
        TileBoard board = new TileBoard();
        board.apply(update(1, 20, true, tile(0, 0, 1), tile(10, 0, 2), tile(0, 10, 3), tile(10, 10, 4)));
        assertEquals(4, board.kept());
        // the top row moves down, then the top row is repainted: the old top tiles are still read by the move
        board.apply(update(2, 20, false, move(0, 10, 20, 10, 0, 0), tile(0, 0, 5), tile(10, 0, 6)));
        assertEquals(7, board.kept(), "nothing dropped: the move reads the covered tiles");
        // a later repaint of the bottom row covers the tiles there, but only those no move read
        board.apply(update(3, 20, false, tile(0, 10, 7)));
        assertEquals(7, board.kept(), "tile 3 (covered before the move) may go; the move reads 1, not 3");
        board.apply(update(4, 20, false, tile(0, 0, 8)));
        assertEquals(7, board.kept(), "tile 5 came after the move, so tile 8 replaces it; tile 1 stays for the move");
        FrameUpdate late = board.waitNewer(TileBoard.Seen.NOTHING, 0).update();
        assertEquals(List.of("1", "2", "4", "move", "6", "7", "8"), late.tiles().stream()
                .map(t -> t.encoding() == TileEncoding.COPY ? "move" : String.valueOf(t.data()[0])).toList(),
                "a late joiner gets the kept tiles in the order they came");
    }

    @Test
    void aHostThatNeverSendsAKeyframeAfterMovesIsRefused() {
        TileBoard board = new TileBoard();
        board.apply(update(1, 20, true, tile(0, 0, 1)));
        byte[] big = new byte[1024 * 1024];
        org.syncline.core.SynclineException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.syncline.core.SynclineException.class, () -> {
                    for (int i = 2; i < 200; i++) {
                        board.apply(update(i, 20, false, move(0, 10, 20, 10, 0, 0), new Tile(0, 0, 10, 10, 0, big)));
                    }
                });
        assertEquals(org.syncline.core.ErrorCode.PROTOCOL_ERROR, e.code());
        assertTrue(e.getMessage().contains("without a keyframe"), e.getMessage());
    }
}
