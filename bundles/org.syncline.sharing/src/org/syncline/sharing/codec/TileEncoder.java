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
    /** Fewer changed tiles than this are encoded on the caller's thread alone. */
    private static final int SPLIT_FROM = 8;

    private final TileCoder coder;
    private final TileCoder secondCoder;
    private final ScrollFinder scrolls = new ScrollFinder();
    private ExecutorService second;
    private boolean closed;
    private int[] previous = new int[0];
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
        }
        boolean everywhere = keyframe || !frame.damageKnown();
        List<Tile> tiles = new ArrayList<>();
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
                if (!keyframe && !differs(frame, tx, ty, tw, th)) {
                    continue;
                }
                copyTile(frame, tx, ty, tw, th);
                changed.add(new int[] { tx, ty, tw, th });
            }
        }
        tiles.addAll(encodeAll(changed));
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

    private boolean differs(CapturedFrame frame, int x, int y, int w, int h) {
        int[] pixels = frame.pixels();
        for (int row = y; row < y + h; row++) {
            int from = row * frame.stride() + x;
            int prev = row * width + x;
            if (Arrays.mismatch(pixels, from, from + w, previous, prev, prev + w) >= 0) {
                return true;
            }
        }
        return false;
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
