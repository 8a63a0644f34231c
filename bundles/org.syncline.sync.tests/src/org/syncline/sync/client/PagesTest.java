package org.syncline.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PagesTest {
    record Page(List<Integer> items, boolean more) {
    }

    /** A list of 0..n-1 served three at a time after a cursor, the way the hub pages the trash. */
    private static Page after(int cursor, int n, List<Integer> asked) {
        asked.add(cursor);
        List<Integer> items = IntStream.range(cursor + 1, Math.min(cursor + 4, n)).boxed().toList();
        return new Page(items, cursor + 4 < n);
    }

    @Test
    void readsEveryPageEachFromTheLastItemOfTheOneBefore() {
        List<Integer> asked = new ArrayList<>();
        List<Integer> all = Pages.readAll(-1, c -> after(c, 10, asked), Page::items, Page::more, i -> i);
        assertEquals(IntStream.range(0, 10).boxed().toList(), all);
        assertEquals(List.of(-1, 2, 5, 8), asked, "each page starts after the last item read");
    }

    @Test
    void onePageWithoutMoreIsTheWholeList() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(List.of(0, 1), Pages.readAll(-1, c -> after(c, 2, asked), Page::items, Page::more, i -> i));
        assertEquals(List.of(-1), asked);
    }

    @Test
    void anEmptyPageThatSaysMoreEndsTheReadingInsteadOfAskingForever() {
        List<Integer> asked = new ArrayList<>();
        List<Integer> all = Pages.readAll(0, c -> {
            asked.add(c);
            return c == 0 ? new Page(List.of(1, 2), true) : new Page(List.of(), true);
        }, Page::items, Page::more, i -> i);
        assertEquals(List.of(1, 2), all);
        assertEquals(List.of(0, 2), asked);
    }
}
