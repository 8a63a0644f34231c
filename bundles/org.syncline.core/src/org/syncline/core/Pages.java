package org.syncline.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Lists answered in pages, both ends: a reply is one frame (16 MiB by default), so a list that can grow with what
 * users do (a trash, a file's history, a run's file reports) is answered a page at a time. The server {@link #cut}s
 * a page from the rows it read; the client {@link #readAll reads} page after page.
 */
public final class Pages {
    /**
     * The reply a page makes at most, reckoned high (see {@link #pathEntryBytes}): half a frame's 16 MiB, whatever
     * the entries' length.
     */
    public static final int REPLY_BYTES = 8 * 1024 * 1024;

    /** One page: its items, and whether more follow it. */
    public record Page<T>(List<T> items, boolean more) {
    }

    private Pages() {
    }

    /** What an entry naming a path of {@code length} characters adds to a JSON reply at most: 3 bytes a character, 200 more. */
    public static long pathEntryBytes(int length) {
        return 3L * length + 200;
    }

    /**
     * Cuts a page from {@code rows}, read one more than the page may hold (so whether more follow is known, not
     * guessed from a full page): at most {@code wanted} items and {@link #REPLY_BYTES} of reply.
     *
     * @param bytes what each row's entry adds to the reply at most
     */
    public static <R, T> Page<T> cut(List<R> rows, int wanted, Function<R, T> item, ToLongFunction<R> bytes) {
        List<T> out = new ArrayList<>();
        long total = 0;
        for (R row : rows.subList(0, Math.min(wanted, rows.size()))) {
            out.add(item.apply(row));
            total += bytes.applyAsLong(row);
            if (total > REPLY_BYTES) {
                break;
            }
        }
        return new Page<>(out, out.size() < rows.size());
    }

    /**
     * Reads a list answered in pages: the first page from {@code start}, then the page after each page's last item,
     * while the server says more follow. A page without items ends the reading even if it says more (an older or
     * faulty server must not make the client ask forever).
     *
     * @param start the cursor of the first page
     * @param read reads the page at a cursor
     * @param items a page's items, in the server's order
     * @param more whether the server has more after a page
     * @param cursorOf the cursor that follows an item (the next page starts after the page's last item)
     */
    public static <P, T, K> List<T> readAll(K start, Function<K, P> read, Function<P, List<T>> items, Predicate<P> more, Function<T, K> cursorOf) {
        return readPages(start, read, items, more, page -> {
            List<T> got = items.apply(page);
            return cursorOf.apply(got.get(got.size() - 1));
        });
    }

    /** {@link #readAll} for pages that name the cursor of the next page themselves ({@code next}). */
    public static <P, T, K> List<T> readPages(K start, Function<K, P> read, Function<P, List<T>> items, Predicate<P> more, Function<P, K> next) {
        List<T> all = new ArrayList<>();
        K cursor = start;
        while (true) {
            P page = read.apply(cursor);
            List<T> got = items.apply(page);
            all.addAll(got);
            if (got.isEmpty() || !more.test(page)) {
                return all;
            }
            cursor = next.apply(page);
        }
    }
}
