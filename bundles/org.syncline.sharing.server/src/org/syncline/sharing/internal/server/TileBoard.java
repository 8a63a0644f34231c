package org.syncline.sharing.internal.server;

import java.util.ArrayList;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;
import org.syncline.sharing.codec.TileEncoding;

/**
 * A room's picture as the relay knows it, without decoding a pixel: the tiles since the host's last keyframe, in
 * order, each with the board version it arrived in. A tile is dropped once a later one covers its rectangle and no
 * move ({@link TileEncoding#COPY}) in between read from it, so the board holds the newest tile per place plus what
 * moves still need (the host bounds that by sending keyframes after moves). A viewer that skipped updates, or joined
 * late, gets one update of every kept tile newer than what it has, in order: applied to its picture (or to nothing,
 * for a late joiner), that gives the host's picture, so skipping never leaves a stale tile. A change of window size
 * or a keyframe from the host starts a new board (epoch).
 */
final class TileBoard {
    /** What a viewer has: the board epoch and the version it saw last. */
    record Seen(long epoch, long version) {
        static final Seen NOTHING = new Seen(-1, 0);
    }

    /** An update for one viewer and what the viewer has once it got it. */
    record Delta(FrameUpdate update, Seen seen) {
    }

    private record Placed(Tile tile, long version) {
    }

    /**
     * Most bytes of tiles a board keeps: a host that sends moves but never a keyframe again (ours does) is refused
     * rather than filling the relay's memory.
     */
    static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;

    /** The kept tiles, oldest first. */
    private final List<Placed> tiles = new ArrayList<>();
    private long keptBytes;
    private long epoch;
    private long version;
    private int width;
    private int height;
    private long sequence;
    private long capturedAt;
    private boolean closed;
    private long wakes;

    /** Takes the host's update; never waits for any viewer. */
    synchronized void apply(FrameUpdate update) {
        if (update.width() != width || update.height() != height || update.keyframe()) {
            tiles.clear();
            keptBytes = 0;
            epoch++;
            width = update.width();
            height = update.height();
        }
        for (Tile t : update.tiles()) {
            if (t.encoding() != TileEncoding.COPY) {
                dropCovered(t);
            }
            tiles.add(new Placed(t, ++version));
            keptBytes += t.data().length;
        }
        if (keptBytes > MAX_KEPT_BYTES) {
            tiles.clear();
            keptBytes = 0;
            epoch++;
            width = 0;
            height = 0;
            throw new SynclineException(ErrorCode.PROTOCOL_ERROR, "Frame update refused: the host sent more than "
                    + MAX_KEPT_BYTES / (1024 * 1024) + " MiB of tiles after moves without a keyframe.");
        }
        sequence = update.sequence();
        capturedAt = update.capturedAtMillis();
        notifyAll();
    }

    /** Drops the kept tiles that {@code cover} paints over entirely, unless a move after them read from them. */
    private void dropCovered(Tile cover) {
        List<Tile> movesAfter = new ArrayList<>();
        for (int i = tiles.size() - 1; i >= 0; i--) {
            Tile t = tiles.get(i).tile();
            if (t.encoding() == TileEncoding.COPY) {
                movesAfter.add(t);
            } else if (inside(t, cover) && movesAfter.stream().noneMatch(m -> readsFrom(m, t))) {
                tiles.remove(i);
                keptBytes -= t.data().length;
            }
        }
    }

    private static boolean inside(Tile t, Tile cover) {
        return t.x() >= cover.x() && t.y() >= cover.y() && t.x() + t.width() <= cover.x() + cover.width()
                && t.y() + t.height() <= cover.y() + cover.height();
    }

    /** Whether the move's source rectangle overlaps the tile (a malformed move counts as reading everything). */
    private static boolean readsFrom(Tile move, Tile t) {
        byte[] d = move.data();
        if (d.length != 4) {
            return true;
        }
        int sx = (d[0] & 0xff) << 8 | d[1] & 0xff;
        int sy = (d[2] & 0xff) << 8 | d[3] & 0xff;
        return sx < t.x() + t.width() && t.x() < sx + move.width() && sy < t.y() + t.height() && t.y() < sy + move.height();
    }

    /** Wakes every waiting viewer once, to look again whether it is still in the room. */
    synchronized void wake() {
        wakes++;
        notifyAll();
    }

    /** Wakes every waiting viewer for good: the room is gone. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized Seen current() {
        return new Seen(epoch, version);
    }

    /**
     * Waits up to {@code millis} for anything newer than {@code seen}; returns the update that brings a viewer
     * from {@code seen} to now (a keyframe of all tiles when its epoch is not the board's), or null when nothing
     * changed in time, the board is closed or {@link #wake} was called.
     */
    synchronized Delta waitNewer(Seen seen, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long woken = wakes;
        while (!closed && !newer(seen)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || wakes != woken) {
                return null;
            }
            wait(left);
        }
        return closed ? null : new Delta(since(seen), new Seen(epoch, version));
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private boolean newer(Seen seen) {
        return width > 0 && (seen.epoch() != epoch || version > seen.version());
    }

    private FrameUpdate since(Seen seen) {
        boolean keyframe = seen.epoch() != epoch;
        List<Tile> changed = new ArrayList<>();
        // in arrival order: newer tiles paint over older ones and every move reads what it read on the host
        for (Placed p : tiles) {
            if (keyframe || p.version() > seen.version()) {
                changed.add(p.tile());
            }
        }
        return new FrameUpdate(sequence, capturedAt, width, height, keyframe, changed);
    }

    /** How many tiles the board keeps (for tests). */
    synchronized int kept() {
        return tiles.size();
    }
}
