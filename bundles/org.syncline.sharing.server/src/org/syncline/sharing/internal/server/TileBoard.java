package org.syncline.sharing.internal.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;

/**
 * A room's picture as the relay knows it: the newest tile per place, each with the board version it arrived in.
 * A viewer that skipped updates, or joined late, gets one update of every tile newer than what it has, so
 * skipping never leaves a stale tile in its picture. A change of window size starts a new board (epoch).
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

    private final Map<Long, Placed> tiles = new HashMap<>();
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
            epoch++;
            width = update.width();
            height = update.height();
        }
        for (Tile t : update.tiles()) {
            tiles.put(t.place(), new Placed(t, ++version));
        }
        sequence = update.sequence();
        capturedAt = update.capturedAtMillis();
        notifyAll();
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
        List<Placed> changed = new ArrayList<>();
        for (Placed p : tiles.values()) {
            if (keyframe || p.version() > seen.version()) {
                changed.add(p);
            }
        }
        // older first, so a newer tile that overlaps an older one paints over it
        changed.sort(Comparator.comparingLong(Placed::version));
        return new FrameUpdate(sequence, capturedAt, width, height, keyframe, changed.stream().map(Placed::tile).toList());
    }
}
