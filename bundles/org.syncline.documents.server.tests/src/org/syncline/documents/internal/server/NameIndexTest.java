package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.store.Database;

/** The name index against a plain model of the same documents: matches, pages, counts and rights. */
class NameIndexTest {
    private NameIndex index = new NameIndex();
    /** id -> {name, owner}, what the index should say. */
    private final Map<String, String[]> model = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @Test
    void substringsMatchWithoutRegardToCaseAndNeverAcrossTwoNames() throws Exception {
        loadEmpty();
        String ab = add("Ab", "ann");
        String cd = add("cd", "ann");
        String report = add("Quarterly-REPORT.pdf", "ann");
        String umlaut = add("Ärger-Übersicht.txt", "ann");
        assertEquals(List.of(), ids(index.matching("bc")), "'b' ends one name and 'c' starts the next");
        assertEquals(List.of(ab), ids(index.matching("AB")));
        assertEquals(List.of(report), ids(index.matching("report")));
        assertEquals(List.of(report), ids(index.matching("quarterly-report.pdf")), "the whole name");
        assertEquals(List.of(report), ids(index.matching(".pdf")), "at the end");
        assertEquals(List.of(umlaut), ids(index.matching("äRG")), "non-ASCII letters, lower-cased alike");
        assertEquals(List.of(umlaut), ids(index.matching("übersicht")));
        assertEquals(List.of(), ids(index.matching("quarterly-report.pdfx")), "longer than the name");
        assertEquals(4, index.matching("").length, "the empty part matches every name");
        assertEquals(List.of(cd, report), ids(index.matching("D")), "one letter, in the order the documents were added");
        assertEquals(List.of(report), ids(index.matching("rterly-r")), "a part whose bytes repeat (the skip table's case)");
        assertEquals(List.of(report), ids(index.matching("y-report.p")));
    }

    @Test
    void removedAndRenamedDocumentsMatchOnlyTheirNewNames() throws Exception {
        loadEmpty();
        String a = add("alpha.txt", "ann");
        String b = add("beta.txt", "ann");
        index.remove(a);
        model.remove(a);
        assertEquals(List.of(), ids(index.matching("alpha")));
        index.rename(b, "gamma.txt");
        model.get(b)[0] = "gamma.txt";
        assertEquals(List.of(), ids(index.matching("beta")));
        assertEquals(List.of(b), ids(index.matching("gamma")));
        assertEquals(1, index.size());
        index.remove(UUID.randomUUID().toString());
        assertEquals(1, index.size(), "removing an unknown id changes nothing");
        assertPagesAgree("ann");
    }

    @Test
    void pagesComeInNameOrderWithTiesByIdAscendingBothWays() throws Exception {
        loadEmpty();
        for (int i = 0; i < 30; i++) {
            add(i % 3 == 0 ? "same.txt" : "doc-" + (i * 7919 % 31) + ".txt", i % 2 == 0 ? "ann" : "ben");
        }
        assertPagesAgree("ann");
        NameIndex.Page all = index.page(null, NameIndex.Reader.ALL, true, 0, 1000);
        assertEquals(expected(null, null, List.of(), true), all.ids());
    }

    @Test
    void namesSortWithoutRegardToCaseThenByTheExactName() throws Exception {
        loadEmpty();
        String readme = add("README.md", "ann");
        String audit = add("audit-notes.txt", "ann");
        String upper = add("Budget.xlsx", "ann");
        String lower = add("budget.xlsx", "ann");
        assertEquals(List.of(audit, upper, lower, readme), index.page(null, NameIndex.Reader.ALL, false, 0, 10).ids());
        assertEquals(List.of(readme, lower, upper, audit), index.page(null, NameIndex.Reader.ALL, true, 0, 10).ids());
        index.rename(readme, "0-readme.md");
        model.get(readme)[0] = "0-readme.md";
        assertEquals(List.of(readme, audit), index.page(null, NameIndex.Reader.ALL, false, 0, 2).ids());
        assertPagesAgree("ann");
    }

    @Test
    void aNonAdminSeesWhatTheyOwnAndWhatIsSharedWithThem() throws Exception {
        loadEmpty();
        String own = add("mine.txt", "ann");
        String other = add("theirs.txt", "ben");
        String shared = add("shared-theirs.txt", "ben");
        NameIndex.Page page = index.page(null, new NameIndex.Reader("ann", List.of(shared)), false, 0, 50);
        assertEquals(List.of(own, shared), page.ids());
        assertEquals(2, page.total());
        assertEquals(List.of(shared), index.page("theirs", new NameIndex.Reader("ann", List.of(shared)), false, 0, 50).ids());
        assertEquals(List.of(), index.page(null, new NameIndex.Reader("nobody", List.of()), false, 0, 50).ids());
        assertEquals(3, index.page(null, NameIndex.Reader.ALL, false, 0, 50).total());
        assertFalse(index.page("theirs", new NameIndex.Reader("ann", List.of()), false, 0, 50).ids().contains(other));
    }

    @Test
    void randomChangesAgreeWithTheModelThroughCompactions() throws Exception {
        randomChanges();
    }

    @Test
    void pagesWalkingTheWholeNameOrderAgreeWithTheModelToo() throws Exception {
        // matches up to a few thousand are sorted on their own; this index walks its name order for any number
        index = new NameIndex(0);
        randomChanges();
        model.clear();
        index = new NameIndex(0);
        pagesComeInNameOrderWithTiesByIdAscendingBothWays();
    }

    private void randomChanges() throws Exception {
        loadEmpty();
        Random random = new Random(42);
        List<String> live = new ArrayList<>();
        for (int step = 0; step < 6000; step++) {
            int what = random.nextInt(10);
            if (what < 5 || live.isEmpty()) {
                live.add(add(randomName(random), random.nextBoolean() ? "ann" : "ben"));
            } else if (what < 8) {
                String id = live.remove(random.nextInt(live.size()));
                index.remove(id);
                model.remove(id);
            } else {
                String id = live.get(random.nextInt(live.size()));
                String name = randomName(random);
                index.rename(id, name);
                model.get(id)[0] = name;
            }
            if (step % 500 == 0) {
                assertPagesAgree("ben");
            }
        }
        assertEquals(model.size(), index.size());
        assertPagesAgree("ann");
    }

    @Test
    void loadReadsTheTableAndTakesChangesMadeMeanwhileAfterIt() throws Exception {
        try (Database db = Database.open(dir.resolve("db"))) {
            String kept = UUID.randomUUID().toString();
            String gone = UUID.randomUUID().toString();
            db.inTransaction(c -> {
                Sql.update(c, "CREATE TABLE documents (id VARCHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, owner_name VARCHAR(64) NOT NULL)");
                Sql.update(c, "INSERT INTO documents VALUES (?, ?, ?)", kept, "kept.txt", "ann");
                Sql.update(c, "INSERT INTO documents VALUES (?, ?, ?)", gone, "gone.txt", "ann");
                return null;
            });
            String late = UUID.randomUUID().toString();
            // committed while the index is loading: given to the index before its load is done
            index.add(late, "late.txt", "ben");
            index.remove(gone);
            index.rename(kept, "renamed.txt");
            assertFalse(index.ready());
            db.inTransaction(c -> {
                index.load(c);
                return null;
            });
            assertTrue(index.ready());
            assertEquals(2, index.size());
            assertEquals(List.of(kept, late), index.page(null, NameIndex.Reader.ALL, true, 0, 10).ids(), "renamed.txt, then late.txt");
            assertEquals(List.of(kept), index.page(null, new NameIndex.Reader("ann", List.of()), false, 0, 10).ids(),
                    "a renamed document keeps its owner");
        }
    }

    @Test
    void anIdThatIsNotAUuidLeavesSearchesToSql() throws Exception {
        loadEmpty();
        add("fine.txt", "ann");
        index.add("not-a-uuid", "odd.txt", "ann");
        assertFalse(index.ready());
    }

    @Test
    void readersSeeConsistentPagesWhileOthersChangeTheIndex() throws Exception {
        loadEmpty();
        for (int i = 0; i < 2000; i++) {
            add("base-" + i + ".txt", "ann");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 1500; i++) {
                        String id = UUID.randomUUID().toString();
                        index.add(id, "w" + writer + "-" + i + ".txt", "ben");
                        if (i % 3 == 0) {
                            index.remove(id);
                        }
                    }
                }));
            }
            for (int r = 0; r < 2; r++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        NameIndex.Page p = index.page("base-", NameIndex.Reader.ALL, i % 2 == 0, 0, 50);
                        assertEquals(2000, p.total(), "the base names never change");
                        assertEquals(50, p.ids().size());
                        List<String> names = p.ids().stream().map(id -> model.get(id)[0]).toList();
                        List<String> sorted = new ArrayList<>(names);
                        sorted.sort(i % 2 == 0 ? Comparator.reverseOrder() : Comparator.naturalOrder());
                        assertEquals(sorted, names);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2000 + 2 * 1000, index.size());
        assertEquals(2 * 1000, index.page("w", new NameIndex.Reader("ben", List.of()), false, 0, 1).total());
    }

    private void loadEmpty() throws Exception {
        try (Database db = Database.open(dir.resolve("empty-" + UUID.randomUUID()))) {
            db.inTransaction(c -> {
                Sql.update(c, "CREATE TABLE documents (id VARCHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, owner_name VARCHAR(64) NOT NULL)");
                index.load(c);
                return null;
            });
        }
        assertTrue(index.ready());
    }

    private String add(String name, String owner) {
        String id = UUID.randomUUID().toString();
        model.put(id, new String[] {name, owner});
        index.add(id, name, owner);
        return id;
    }

    private static String randomName(Random random) {
        String[] words = {"plan", "Report", "a", "ab", "budget", "Plan", "x"};
        return words[random.nextInt(words.length)] + "-" + words[random.nextInt(words.length)] + "." + random.nextInt(20);
    }

    private List<String> ids(int[] slots) {
        return index.ids(slots);
    }

    /** Every page size and direction, with and without a name part and a reader, against the model. */
    private void assertPagesAgree(String owner) {
        for (String part : new String[] {null, "a", "PLAN", "-b", "zzz"}) {
            for (boolean descending : new boolean[] {false, true}) {
                for (NameIndex.Reader reader : List.of(NameIndex.Reader.ALL, new NameIndex.Reader(owner, List.copyOf(model.keySet()).subList(0,
                        Math.min(3, model.size()))))) {
                    List<String> expected = expected(part, reader.owner(), reader.shared(), descending);
                    NameIndex.Page whole = index.page(part, reader, descending, 0, 1_000_000);
                    assertEquals(expected, whole.ids(), "part " + part + ", descending " + descending + ", owner " + reader.owner());
                    assertEquals(expected.size(), whole.total());
                    int size = 7;
                    for (int offset = 0; offset < expected.size() + size; offset += size) {
                        assertEquals(expected.subList(Math.min(offset, expected.size()), Math.min(offset + size, expected.size())),
                                index.page(part, reader, descending, offset, size).ids(), "page at " + offset);
                    }
                }
            }
        }
    }

    /**
     * Name order without regard to case, then the exact name, ids ascending within a name either way (as SQL's ORDER BY
     * name_key [DESC], name [DESC], id ASC).
     */
    private List<String> expected(String part, String owner, List<String> shared, boolean descending) {
        Comparator<String> byName = Comparator.<String, String>comparing(id -> model.get(id)[0].toLowerCase(Locale.ROOT))
                .thenComparing(id -> model.get(id)[0]);
        Comparator<String> order = (descending ? byName.reversed() : byName).thenComparing(Comparator.naturalOrder());
        return model.keySet().stream()
                .filter(id -> part == null || model.get(id)[0].toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)))
                .filter(id -> owner == null || model.get(id)[1].equals(owner) || shared.contains(id))
                .sorted(order).toList();
    }
}
