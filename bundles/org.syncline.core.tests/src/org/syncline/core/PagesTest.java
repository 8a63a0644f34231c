package org.syncline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aCutPageHoldsAtMostWhatIsWantedAndSaysMoreOnlyWhenARowIsLeft() {
        List<Integer> rows = IntStream.range(0, 6).boxed().toList();
        Pages.Page<String> page = Pages.cut(rows, 5, i -> "#" + i, i -> 10);
        assertEquals(List.of("#0", "#1", "#2", "#3", "#4"), page.items());
        assertTrue(page.more(), "the sixth row read says more follow");
        Pages.Page<String> last = Pages.cut(rows.subList(0, 5), 5, i -> "#" + i, i -> 10);
        assertEquals(5, last.items().size());
        assertFalse(last.more(), "a full page with no row past it is the last");
    }

    @Test
    void aCutPageEndsEarlyOnceItsEntriesPassTheReplyBudget() {
        List<Integer> rows = IntStream.range(0, 100).boxed().toList();
        long big = Pages.REPLY_BYTES / 4 + 1;
        Pages.Page<Integer> page = Pages.cut(rows, 99, i -> i, i -> big);
        assertEquals(List.of(0, 1, 2, 3), page.items(), "the entry that passes the budget ends the page");
        assertTrue(page.more());
        assertEquals(3L * 4096 + 200, Pages.pathEntryBytes(4096));
    }
}
