package org.syncline.sharing.codec;

import java.util.ArrayList;
import java.util.List;

import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;

/**
 * What a painter that shows an earlier copy of a {@link TileDecoder}'s picture has to do to show the current one:
 * the moves (scrolling) to apply to what it shows, in order, then one rectangle to paint from the decoder's
 * pixels. A move is applied to the screen as a move (SWT's {@code GC.copyArea}, Java2D's {@code copyArea}) instead
 * of being repainted from pixels, so a scrolled picture costs the painter only the rows scrolled in.
 * <p>
 * Updates that arrive before the painter takes the plan are folded in: a move that comes after pixels still to be
 * painted also carries those pixels' stale screen copy along, so the rectangle grows by where the move takes
 * them. Feed it every update the decoder applied, after the decoder accepted it. Not thread safe.
 */
public final class PaintPlan {
    /** More moves than this between two paints are not worth replaying: the painter repaints everything. */
    static final int MAX_MOVES = 32;

    /** Moves {@code width x height} pixels from ({@code sourceX}, {@code sourceY}) to ({@code x}, {@code y}). */
    public record Move(int sourceX, int sourceY, int x, int y, int width, int height) {
    }

    /**
     * One paint's work.
     *
     * @param whole whether the painter repaints the whole picture from pixels (first picture, new size, many moves);
     *        then {@code moves} is empty
     * @param moves to apply to the shown picture first, in order
     * @param x left of the rectangle to paint from the decoder's pixels afterwards; {@code width} 0 when none
     */
    public record Steps(boolean whole, List<Move> moves, int x, int y, int width, int height) {
        /** Whether there is nothing to do. */
        public boolean isEmpty() {
            return !whole && moves.isEmpty() && width == 0;
        }
    }

    private final List<Move> moves = new ArrayList<>();
    private boolean whole = true;
    private int pictureWidth;
    private int pictureHeight;
    /** The rectangle to paint from pixels: left, top, right, bottom; empty when right <= left. */
    private int left;
    private int top;
    private int right;
    private int bottom;

    /** Folds in one update the decoder applied. */
    public void add(FrameUpdate update) {
        if (update.keyframe() || update.width() != pictureWidth || update.height() != pictureHeight) {
            pictureWidth = update.width();
            pictureHeight = update.height();
            whole = true;
        }
        if (whole) {
            moves.clear();
            return;
        }
        for (Tile tile : update.tiles()) {
            if (tile.encoding() == TileEncoding.COPY) {
                move(new Move(TileDecoder.moveSourceX(tile), TileDecoder.moveSourceY(tile), tile.x(), tile.y(),
                        tile.width(), tile.height()));
            } else {
                grow(tile.x(), tile.y(), tile.x() + tile.width(), tile.y() + tile.height());
            }
            if (whole) {
                return;
            }
        }
    }

    /** Makes the next paint repaint the whole picture (the decoder refused an update after applying part of it). */
    public void repaintAll() {
        whole = true;
        moves.clear();
    }

    /** The work since the last call; the plan starts empty again. */
    public Steps take() {
        Steps steps = whole ? new Steps(true, List.of(), 0, 0, pictureWidth, pictureHeight)
                : new Steps(false, List.copyOf(moves), left, top, right > left ? right - left : 0,
                        right > left ? bottom - top : 0);
        whole = false;
        moves.clear();
        right = left;
        return steps;
    }

    private void move(Move m) {
        if (moves.size() == MAX_MOVES) {
            whole = true;
            moves.clear();
            return;
        }
        moves.add(m);
        if (right <= left) {
            return;
        }
        // pixels still to paint that lie in the move's source: the screen moves their stale copy, so where they
        // land must be painted too (the pending rectangle itself stays: painting more than changed is harmless)
        int sl = Math.max(left, m.sourceX());
        int st = Math.max(top, m.sourceY());
        int sr = Math.min(right, m.sourceX() + m.width());
        int sb = Math.min(bottom, m.sourceY() + m.height());
        if (sl < sr && st < sb) {
            int dx = m.x() - m.sourceX();
            int dy = m.y() - m.sourceY();
            grow(sl + dx, st + dy, sr + dx, sb + dy);
        }
    }

    private void grow(int l, int t, int r, int b) {
        if (right <= left) {
            left = l;
            top = t;
            right = r;
            bottom = b;
        } else {
            left = Math.min(left, l);
            top = Math.min(top, t);
            right = Math.max(right, r);
            bottom = Math.max(bottom, b);
        }
    }
}
