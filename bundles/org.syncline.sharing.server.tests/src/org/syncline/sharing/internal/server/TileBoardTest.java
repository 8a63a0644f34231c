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
}
