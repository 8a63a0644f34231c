package org.syncline.sync.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One page of a list reply: the rows read (one more than the page may hold, so whether more follow is known, not
 * guessed from a full page) cut to at most {@code wanted} items and {@link #BYTES} of reply.
 */
record ReplyPage<T>(List<T> items, boolean more) {
    /**
     * The reply a page makes at most, reckoned high (3 bytes a path character, 200 for the rest of an entry): half a
     * frame's 16 MiB, whatever the paths' length.
     */
    static final int BYTES = 8 * 1024 * 1024;

    /** What an entry naming a path of {@code length} characters adds to a reply at most. */
    static long entryBytes(int pathLength) {
        return 3L * pathLength + 200;
    }

    /**
     * @param rows up to {@code wanted + 1} rows, in the page's order
     * @param pathLength the length of the path each item's entry names
     */
    static <R, T> ReplyPage<T> cut(List<R> rows, int wanted, Function<R, T> item, ToIntFunction<R> pathLength) {
        List<T> out = new ArrayList<>();
        long bytes = 0;
        for (R row : rows.subList(0, Math.min(wanted, rows.size()))) {
            out.add(item.apply(row));
            bytes += entryBytes(pathLength.applyAsInt(row));
            if (bytes > BYTES) {
                break;
            }
        }
        return new ReplyPage<>(out, out.size() < rows.size());
    }
}
