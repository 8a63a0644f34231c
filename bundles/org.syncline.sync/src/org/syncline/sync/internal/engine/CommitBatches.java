package org.syncline.sync.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.syncline.sync.FileChange;

/**
 * Cuts a pass's changes into commits the hub accepts: each commit is one request, and a request larger than the
 * hub's largest frame closes the connection (so the same commit would be refused again on every retry). A large
 * file's list of chunks is most of its change: 64 KiB of content a chunk, ~94 bytes of JSON each, so 1,000 photos of
 * 20 MB make a 30 MB commit.
 */
final class CommitBatches {
    /** Files per commit: each commit is one transaction on the hub. */
    static final int FILES = 1000;
    /** Room a request needs besides its changes (the folder, the frame's header). */
    private static final int MARGIN = 4096;

    private CommitBatches() {
    }

    /** What the change adds to a commit's JSON at most: 100 bytes a chunk, 3 a path character, 300 for the rest. */
    static long bytes(FileChange c) {
        return 100L * c.chunks().size() + 3L * (c.path().length() + c.newPath().length()) + 300;
    }

    /** Whether a commit of this change alone fits a request of at most {@code largestRequest} bytes. */
    static boolean fits(FileChange c, int largestRequest) {
        return bytes(c) <= largestRequest - MARGIN;
    }

    /**
     * The changes in order, cut into commits of at most {@link #FILES} files and half the largest request (a change
     * that does not {@link #fits fit} alone must be left out before).
     */
    static List<List<FileChange>> of(List<FileChange> changes, int largestRequest) {
        long budget = largestRequest / 2;
        List<List<FileChange>> out = new ArrayList<>();
        List<FileChange> batch = new ArrayList<>();
        long bytes = 0;
        for (FileChange c : changes) {
            long b = bytes(c);
            if (!batch.isEmpty() && (batch.size() == FILES || bytes + b > budget)) {
                out.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(c);
            bytes += b;
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }
}
