package org.syncline.sharing.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.syncline.sharing.FrameUpdate;
import org.syncline.sharing.Tile;
import org.syncline.sharing.capture.CapturedFrame;
import org.syncline.sharing.capture.Region;

/**
 * Turns successive captured frames into {@link FrameUpdate}s: the window in 64x64 tiles, only the tiles whose
 * pixels changed since the previous frame (looked for inside the dirty rectangles, or everywhere when the capture
 * knows none), every tile in a keyframe (the first frame, after a resize, and on {@link #requestKeyframe()}).
 * <p>
 * Scrolling goes as a move first ({@link TileEncoding#COPY}: a band of rows equal to the previous frame's rows
 * shifted up or down), then only the tiles that still differ (the rows scrolled in). A viewer or relay that did not
 * hold the previous frame cannot use a move, and the relay keeps every update since the last keyframe once a move
 * is among them; so after moves the encoder sends a keyframe again once the bytes since the last one exceed the
 * keyframe's own size (at least {@link #MOVE_BUDGET_BYTES}).
 * <p>
 * A tile in which only a small part changed (a typed letter) goes as just that part's rectangle, as long as the
 * rectangles sent at that place since its last whole tile stay smaller than that tile, or than
 * {@link #PART_BUDGET_BYTES} where the whole tile is smaller (one colour, a blank line being typed into).
 * <p>
 * Each tile takes the smallest lossless encoding that fits it (solid colour, palette, raw; see
 * {@link TileEncoding}); when the host allows lossy encoding, tiles with more than 256 colours (photo-like) may go
 * as JPEG when that is smaller. Many changed tiles are encoded on two threads (the caller's and one of the
 * encoder's own); {@link #close()} ends that thread. Buffers are reused from frame to frame. One thread calls
 * {@link #encode}.
 */
public final class TileEncoder implements AutoCloseable {

    /** Side of a tile in pixels (edge tiles are smaller). */
    public static final int TILE = 64;
    /** Bytes of updates after a move, before the next keyframe, that are always allowed. */
    static final int MOVE_BUDGET_BYTES = 64 * 1024;
    /**
     * Bytes of small rectangles a tile place may take before its whole tile goes again, however small that tile:
     * without it a blank tile (3 bytes solid) went whole again at every third letter typed into it, 70 bytes instead
     * of 40. The relay keeps a place's rectangles until a whole tile covers them, so this bounds what it keeps to
     * this much per place (60 KiB for a 1280x720 window) beyond the whole tiles.
     */
    static final int PART_BUDGET_BYTES = 256;
    /** Fewer changed tiles than this are encoded on the caller's thread alone. */
    private static final int SPLIT_FROM = 8;

    private final TileCoder coder;
    private final TileCoder secondCoder;
    private final ScrollFinder scrolls = new ScrollFinder();
    private ExecutorService second;
    private boolean closed;
    private int[] previous = new int[0];
    private int columns;
    /** Per tile place: the size of its last whole tile, and of the smaller rectangles sent there since. */
    private int[] wholeBytes = new int[0];
    private int[] partBytes = new int[0];
    private int width;
    private int height;
    private long sequence;
    private volatile boolean keyframeRequested = true;
    private boolean movedSinceKeyframe;
    private long bytesSinceKeyframe;
    private long keyframeBytes;

    /** A lossless encoder. */
    public TileEncoder() {
        this(false, 0.8f);
    }

    /**
     * @param lossy whether photo-like tiles may be sent as JPEG
     * @param jpegQuality 0.0-1.0, used only when {@code lossy}
     */
    public TileEncoder(boolean lossy, float jpegQuality) {
        if (jpegQuality < 0f || jpegQuality > 1f) {
            throw new IllegalArgumentException("JPEG quality " + jpegQuality + " is outside 0.0-1.0");
        }
        this.coder = new TileCoder(lossy ? new TileJpeg(jpegQuality) : null);
        this.secondCoder = new TileCoder(lossy ? new TileJpeg(jpegQuality) : null);
    }

    /** Makes the next update a keyframe (a viewer joined late or lost track); safe from any thread. */
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    /**
     * Encodes one frame. An update without tiles means nothing changed; a caller may skip sending it.
     */
    public FrameUpdate encode(CapturedFrame frame) {
        boolean keyframe = keyframeRequested || frame.width() != width || frame.height() != height
                || movedSinceKeyframe && bytesSinceKeyframe > Math.max(keyframeBytes, MOVE_BUDGET_BYTES);
        keyframeRequested = false;
        if (frame.width() != width || frame.height() != height) {
            width = frame.width();
            height = frame.height();
            if (previous.length < width * height) {
                previous = new int[width * height];
            }
            columns = (width + TILE - 1) / TILE;
            int places = columns * ((height + TILE - 1) / TILE);
            wholeBytes = new int[places];
            partBytes = new int[places];
        }
        boolean everywhere = keyframe || !frame.damageKnown();
        List<Tile> tiles = new ArrayList<>();
        if (keyframe) {
            scrolls.forget();
        }
        ScrollFinder.Band move = keyframe ? null : findMove(frame);
        if (move != null) {
            tiles.add(new Tile(move.x(), move.top(), move.width(), move.rows(), TileEncoding.COPY,
                    new byte[] { (byte) (move.x() >> 8), (byte) move.x(), (byte) (move.sourceTop() >> 8),
                            (byte) move.sourceTop() }));
            TileDecoder.move(previous, width, move.x(), move.sourceTop(), move.x(), move.top(), move.width(), move.rows());
        }
        List<int[]> changed = new ArrayList<>();
        for (int ty = 0; ty < height; ty += TILE) {
            int th = Math.min(TILE, height - ty);
            for (int tx = 0; tx < width; tx += TILE) {
                int tw = Math.min(TILE, width - tx);
                if (!everywhere && !touched(frame.dirty(), tx, ty, tw, th)) {
                    continue;
                }
                if (move != null && tx >= move.x() && tx + tw <= move.x() + move.width() && ty >= move.top()
                        && ty + th <= move.top() + move.rows()) {
                    continue; // the move made these pixels equal to the new ones (compared row by row)
                }
                int place = (ty / TILE) * columns + tx / TILE;
                if (keyframe) {
                    changed.add(new int[] { tx, ty, tw, th, place, 0 });
                    continue;
                }
                int[] box = changedBox(frame, tx, ty, tw, th);
                if (box == null) {
                    continue;
                }
                copyTile(frame, tx, ty, tw, th);
                // a small change goes as its own rectangle while this place's rectangles since its last whole
                // tile stay below that tile's size (the relay keeps them all until a whole tile covers them)
                boolean part = box[2] * box[3] * 4 <= tw * th
                        && partBytes[place] < Math.max(wholeBytes[place], PART_BUDGET_BYTES);
                changed.add(part ? new int[] { box[0], box[1], box[2], box[3], place, 1 }
                        : new int[] { tx, ty, tw, th, place, 0 });
            }
        }
        if (keyframe) {
            for (int[] r : changed) {
                copyTile(frame, r[0], r[1], r[2], r[3]);
            }
        }
        List<Tile> encoded = encodeAll(changed);
        for (int i = 0; i < encoded.size(); i++) {
            int[] r = changed.get(i);
            int size = encoded.get(i).data().length;
            if (r[5] == 1) {
                partBytes[r[4]] += size;
            } else {
                wholeBytes[r[4]] = size + 16;
                partBytes[r[4]] = 0;
            }
        }
        tiles.addAll(encoded);
        long bytes = 0;
        for (Tile t : tiles) {
            bytes += t.data().length + 8;
        }
        if (keyframe) {
            keyframeBytes = bytes;
            bytesSinceKeyframe = 0;
            movedSinceKeyframe = false;
        } else {
            bytesSinceKeyframe += bytes;
            movedSinceKeyframe |= move != null;
        }
        return new FrameUpdate(++sequence, frame.capturedAtMillis(), width, height, keyframe, tiles);
    }

    /** A scroll inside the damaged area (or the whole frame when damage is unknown), or null. */
    private ScrollFinder.Band findMove(CapturedFrame frame) {
        int left = 0;
        int top = 0;
        int right = width;
        int bottom = height;
        if (frame.damageKnown()) {
            if (frame.dirty().isEmpty()) {
                return null;
            }
            left = Integer.MAX_VALUE;
            top = Integer.MAX_VALUE;
            right = 0;
            bottom = 0;
            for (Region r : frame.dirty()) {
                left = Math.min(left, r.x());
                top = Math.min(top, r.y());
                right = Math.max(right, r.x() + r.width());
                bottom = Math.max(bottom, r.y() + r.height());
            }
        }
        return scrolls.find(frame.pixels(), frame.stride(), previous, width, left, right - left, top, bottom - top);
    }

    /** Encodes the changed tiles (read from {@link #previous}, which holds them now), on two threads when many. */
    private List<Tile> encodeAll(List<int[]> changed) {
        Tile[] out = new Tile[changed.size()];
        int split = changed.size() >= SPLIT_FROM && !closed ? changed.size() / 2 : changed.size();
        Future<?> other = null;
        if (split < changed.size()) {
            if (second == null) {
                second = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "syncline-share-encode");
                    t.setDaemon(true);
                    return t;
                });
            }
            other = second.submit(() -> encodeRange(secondCoder, changed, split, changed.size(), out));
        }
        encodeRange(coder, changed, 0, split, out);
        if (other != null) {
            // the other half takes milliseconds: finish the frame even when interrupted (the host stopping) and
            // leave the interrupt for the caller to see
            boolean interrupted = false;
            while (true) {
                try {
                    other.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("encoding a frame failed", e.getCause());
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return Arrays.asList(out);
    }

    private void encodeRange(TileCoder using, List<int[]> changed, int from, int to, Tile[] out) {
        for (int i = from; i < to; i++) {
            int[] r = changed.get(i);
            out[i] = using.encode(previous, width, r[0], r[1], r[2], r[3]);
        }
    }

    private static boolean touched(List<Region> dirty, int x, int y, int w, int h) {
        for (int i = 0; i < dirty.size(); i++) {
            if (dirty.get(i).intersects(x, y, w, h)) {
                return true;
            }
        }
        return false;
    }

    /** The smallest rectangle holding every pixel of the tile that differs from the previous frame, or null. */
    private int[] changedBox(CapturedFrame frame, int x, int y, int w, int h) {
        int[] pixels = frame.pixels();
        int top = -1;
        int bottom = -1;
        int left = w;
        int right = -1;
        for (int row = y; row < y + h; row++) {
            int from = row * frame.stride() + x;
            int prev = row * width + x;
            int first = Arrays.mismatch(pixels, from, from + w, previous, prev, prev + w);
            if (first < 0) {
                continue;
            }
            if (top < 0) {
                top = row;
            }
            bottom = row;
            left = Math.min(left, first);
            for (int i = w - 1; i > right; i--) {
                if (pixels[from + i] != previous[prev + i]) {
                    right = i;
                    break;
                }
            }
        }
        return top < 0 ? null : new int[] { x + left, top, right - left + 1, bottom - top + 1 };
    }

    /** Copies the tile into the previous frame, which then holds what the viewers will have. */
    private void copyTile(CapturedFrame frame, int x, int y, int w, int h) {
        int[] pixels = frame.pixels();
        for (int row = 0; row < h; row++) {
            System.arraycopy(pixels, (y + row) * frame.stride() + x, previous, (y + row) * width + x, w);
        }
    }

    /** Ends the second encoding thread; an encoder may still be used afterwards (then on one thread). */
    @Override
    public void close() {
        closed = true;
        if (second != null) {
            second.shutdown();
            second = null;
        }
    }
}
