package org.syncline.sharing.codec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds vertical scrolling between two pictures: the longest band of rows of the new picture that equals the old
 * picture's rows shifted by one distance, within a column range. Rows are compared by hash first (each row
 * hashed once per picture) and every row of the band is then compared pixel for pixel, so a hash collision never
 * makes a wrong move.
 */
final class ScrollFinder {
    /** A band shorter than this is not worth a move (a few tiles' worth of rows at least). */
    static final int MIN_ROWS = 16;
    /** Rows sampled to vote for a distance. */
    private static final int MAX_VOTERS = 256;

    /** A band of rows: the rows {@code top .. top + rows - 1} of the new picture equal the old rows {@code top - dy ...}. */
    record Band(int x, int width, int top, int rows, int dy) {
        int sourceTop() {
            return top - dy;
        }
    }

    private int[] newHashes = new int[0];
    private int[] oldHashes = new int[0];
    /**
     * The last search's new-picture row hashes, which are the next search's old-picture hashes when the caller's
     * old picture now holds those rows (the encoder's previous frame does after each frame): rows
     * {@code knownTop ..} of the columns {@code knownX, knownWidth}, {@code knownRows} of them; none when negative.
     */
    private int[] known = new int[0];
    private int knownX = -1;
    private int knownWidth;
    private int knownTop;
    private int knownRows;
    private int knownStride;

    /**
     * @param now the new picture, rows of {@code nowStride}
     * @param old the old picture, rows of {@code oldStride}
     * @return the band to move, or null when no scroll of at least {@link #MIN_ROWS} rows is there
     */
    Band find(int[] now, int nowStride, int[] old, int oldStride, int x, int width, int top, int height) {
        if (height < MIN_ROWS * 2 || width <= 0) {
            forget();
            return null;
        }
        if (newHashes.length < height) {
            newHashes = new int[height];
            oldHashes = new int[height];
        }
        boolean reuse = knownX == x && knownWidth == width && knownStride == oldStride;
        for (int r = 0; r < height; r++) {
            int row = top + r;
            newHashes[r] = hash(now, row * nowStride + x, width);
            oldHashes[r] = reuse && row >= knownTop && row < knownTop + knownRows ? known[row - knownTop]
                    : hash(old, row * oldStride + x, width);
        }
        // the new picture's hashes become the old ones of the next search (a stale one only costs a missed move:
        // every moved row is compared pixel for pixel below)
        if (known.length < height) {
            known = new int[height];
        }
        System.arraycopy(newHashes, 0, known, 0, height);
        knownX = x;
        knownWidth = width;
        knownTop = top;
        knownRows = height;
        knownStride = oldStride;
        int dy = likeliestDistance(height);
        if (dy == 0) {
            return null;
        }
        int bestStart = -1;
        int bestRows = 0;
        int runStart = -1;
        boolean runMoves = false;
        boolean bestMoves = false;
        for (int r = 0; r <= height; r++) {
            int source = r - dy;
            boolean match = r < height && source >= 0 && source < height && newHashes[r] == oldHashes[source]
                    && Arrays.equals(now, (top + r) * nowStride + x, (top + r) * nowStride + x + width, old,
                            (top + source) * oldStride + x, (top + source) * oldStride + x + width);
            if (match) {
                if (runStart < 0) {
                    runStart = r;
                    runMoves = false;
                }
                runMoves |= newHashes[r] != oldHashes[r];
            } else if (runStart >= 0) {
                if (r - runStart > bestRows) {
                    bestRows = r - runStart;
                    bestStart = runStart;
                    bestMoves = runMoves;
                }
                runStart = -1;
            }
        }
        // a band whose rows equal the old ones where they are (blank space) moves nothing worth sending
        if (bestRows < MIN_ROWS || !bestMoves) {
            return null;
        }
        return new Band(x, width, top + bestStart, bestRows, dy);
    }

    /** Drops the kept row hashes: the old picture changed in a way the last search did not see (a keyframe). */
    void forget() {
        knownX = -1;
    }

    /** The distance most changed rows agree on, among rows whose old hash is unique; 0 when none. */
    private int likeliestDistance(int height) {
        Map<Integer, Integer> oldRow = new HashMap<>(height * 2);
        for (int r = 0; r < height; r++) {
            Integer before = oldRow.putIfAbsent(oldHashes[r], r);
            if (before != null) {
                oldRow.put(oldHashes[r], -1);
            }
        }
        Map<Integer, Integer> votes = new HashMap<>();
        int step = Math.max(1, height / MAX_VOTERS);
        int best = 0;
        int bestVotes = 1; // one row alone is not a scroll
        for (int r = 0; r < height; r += step) {
            if (newHashes[r] == oldHashes[r]) {
                continue;
            }
            Integer source = oldRow.get(newHashes[r]);
            if (source == null || source < 0) {
                continue;
            }
            int dy = r - source;
            int count = votes.merge(dy, 1, Integer::sum);
            if (count > bestVotes) {
                bestVotes = count;
                best = dy;
            }
        }
        return best;
    }

    private static int hash(int[] pixels, int from, int length) {
        // four independent sums keep the CPU's pipelines full
        int a = 1;
        int b = 0;
        int c = 0;
        int d = 0;
        int i = from;
        int end = from + length;
        for (; i + 3 < end; i += 4) {
            a = 31 * a + pixels[i];
            b = 31 * b + pixels[i + 1];
            c = 31 * c + pixels[i + 2];
            d = 31 * d + pixels[i + 3];
        }
        for (; i < end; i++) {
            a = 31 * a + pixels[i];
        }
        return a * 0x9E3779B1 ^ b * 0x85EBCA6B ^ c * 0xC2B2AE35 ^ d * 0x27D4EB2F;
    }
}
