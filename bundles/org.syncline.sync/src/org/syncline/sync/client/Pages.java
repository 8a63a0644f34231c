package org.syncline.sync.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a list the hub answers in pages: the first page from {@code start}, then the page after each page's last
 * item, while the hub says more follow. A page without items ends the reading even if it says more (an older or
 * faulty hub must not make the client ask forever).
 */
final class Pages {
    private Pages() {
    }

    /**
     * @param start the cursor of the first page
     * @param read reads the page at a cursor
     * @param items a page's items, in the hub's order
     * @param more whether the hub has more after a page
     * @param cursorOf the cursor that follows an item (the next page starts after the page's last item)
     */
    static <P, T, K> List<T> readAll(K start, Function<K, P> read, Function<P, List<T>> items, Predicate<P> more, Function<T, K> cursorOf) {
        List<T> all = new ArrayList<>();
        K cursor = start;
        while (true) {
            P page = read.apply(cursor);
            List<T> got = items.apply(page);
            all.addAll(got);
            if (got.isEmpty() || !more.test(page)) {
                return all;
            }
            cursor = cursorOf.apply(got.get(got.size() - 1));
        }
    }
}
