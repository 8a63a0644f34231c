package org.syncline.itests;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;

/**
 * A viewer's picture as a test sees it: the tiles by place, each update painted over the last (a keyframe
 * starts afresh), and every update received, in order.
 */
final class SharedPicture implements Consumer<FrameUpdate> {
    final List<FrameUpdate> received = new CopyOnWriteArrayList<>();
    private final Map<Long, byte[]> tiles = new HashMap<>();
    private long sequence = -1;

    @Override
    public synchronized void accept(FrameUpdate update) {
        received.add(update);
        if (update.keyframe()) {
            tiles.clear();
        }
        for (Tile t : update.tiles()) {
            tiles.put(t.place(), t.data());
        }
        sequence = update.sequence();
    }

    synchronized long sequence() {
        return sequence;
    }

    synchronized boolean sameAs(SharedPicture other) {
        Map<Long, byte[]> theirs = other.snapshot();
        if (theirs.size() != tiles.size()) {
            return false;
        }
        return tiles.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), theirs.get(e.getKey())));
    }

    synchronized Map<Long, byte[]> snapshot() {
        return new HashMap<>(tiles);
    }
}
