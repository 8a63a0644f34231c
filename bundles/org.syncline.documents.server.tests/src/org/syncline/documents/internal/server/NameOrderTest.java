package org.syncline.documents.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.SynclineException;
import org.syncline.documents.DocumentInfo;
import org.syncline.documents.DocumentPage;
import org.syncline.documents.DocumentQuery;
import org.syncline.protocol.Principal;
import org.syncline.store.Database;

/**
 * Documents sort by name as file browsers sort them: without regard to case, ties by the exact name and then the id, both
 * ways, the same on every path a search takes (SQL while the name index loads, the name index for a search by name only,
 * SQL narrowed to the index's matches, SQL with other filters), page after page, after a rename, and in a registry written
 * before the sort key existed.
 */
class NameOrderTest {
    private static final Principal ADMIN = new Principal("root", Set.of(Principal.ADMIN));
    private static final Principal ANN = new Principal("ann", Set.of());
    /** The names of {@link #registerTheNames}, in the order they must come ascending. */
    private static final List<String> ASCENDING = List.of("alpha.txt", "audit-notes.txt", "BUDGET.xlsx", "Budget.xlsx", "budget.xlsx",
            "budget.xlsx", "README.md", "Zeta.txt", "Éclair.txt", "éclair.txt");

    @TempDir
    Path dir;
    private LocalRegistry local;
    /** id -> name: what the registry holds. */
    private final Map<String, String> model = new LinkedHashMap<>();

    @AfterEach
    void close() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void namesSortWithoutRegardToCaseBothWaysAndEveryPageGivesEachDocumentOnce() {
        local = new LocalRegistry(dir);
        registerTheNames();
        assertEquals(ASCENDING, names(walk(ADMIN, null, null, false, 50)), "lower and upper case together, 'README.md' among the r's");
        assertEveryPathAgrees("SQL while the name index loads");
        local.loadNameIndex();
        assertEveryPathAgrees("with the name index");
    }

    @Test
    void aRenameMovesTheDocumentToWhereItsNewNameSorts() {
        local = new LocalRegistry(dir);
        registerTheNames();
        rename(idOf("Zeta.txt"), "aardvark.TXT");
        rename(idOf("audit-notes.txt"), "ALPHA.txt");
        assertEquals("aardvark.TXT", names(walk(ADMIN, null, null, false, 4)).get(0));
        assertEquals(List.of("ALPHA.txt", "alpha.txt"), names(walk(ADMIN, "alpha", null, false, 4)), "equal keys: the exact names' order");
        assertEveryPathAgrees("renamed, SQL");
        local.loadNameIndex();
        rename(idOf("README.md"), "0-readme.md");
        rename(idOf("BUDGET.xlsx"), "budget.XLSX");
        assertEquals("0-readme.md", names(walk(ADMIN, null, null, false, 4)).get(0));
        assertEveryPathAgrees("renamed, with the name index");
    }

    @Test
    void aRegistryWrittenBeforeTheSortKeyUpgradesInPlaceAndSortsTheSame() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Database old = Database.open(dir.resolve("db"))) {
            old.migrate("docs", DocumentsSchema.MIGRATIONS.subList(0, 4));
            old.inTransaction(c -> {
                for (String name : ASCENDING.reversed()) {
                    String id = UUID.randomUUID().toString();
                    model.put(id, name);
                    // the INSERT of schema version 4, without the key
                    Sql.update(c, "INSERT INTO documents (id, name, author, mime_type, size_bytes, sha256, node, created, modified, "
                            + "current_version, description, owner_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, name, "ann",
                            "text/plain", 1L, "0".repeat(64), "n1", now, now, 1, "", "ann");
                }
                return null;
            });
        }
        local = new LocalRegistry(dir);
        assertEquals(DocumentsSchema.MIGRATIONS.size(), local.db.schemaVersion("docs"));
        Map<String, String> keys = local.db.inTransaction(c -> {
            Map<String, String> k = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, name_key FROM documents")) {
                while (rs.next()) {
                    k.put(rs.getString(1), rs.getString(2));
                }
            }
            return k;
        });
        keys.forEach((name, key) -> assertEquals(name.toLowerCase(Locale.ROOT), key, "the key of " + name));
        Set<String> indexes = local.db.inTransaction(NameOrderTest::indexesOfDocuments);
        assertTrue(indexes.containsAll(List.of("DOCUMENTS_NAME_KEY", "DOCUMENTS_NAME_KEY_DESC")), indexes.toString());
        assertFalse(indexes.contains("DOCUMENTS_NAME"), "the index on the name alone is gone: " + indexes);
        assertThrows(SynclineException.class, () -> local.db.inTransaction(c -> Sql.update(c, "INSERT INTO documents (id, name, author, "
                + "mime_type, size_bytes, sha256, node, created, modified, current_version, description, owner_name) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), "late.txt", "ann", "text/plain", 1L, "0".repeat(64),
                "n1", now, now, 1, "", "ann")), "a row without its key is refused, not sorted first");

        assertEquals(ASCENDING, names(walk(ADMIN, null, null, false, 3)));
        assertEveryPathAgrees("upgraded, SQL");
        local.loadNameIndex();
        assertEveryPathAgrees("upgraded, with the name index");
        register("Aardvark.txt");
        rename(idOf("README.md"), "readme.MD");
        assertEveryPathAgrees("upgraded, then changed");
    }

    @Test
    void aPageInNameOrderIsReadFromTheKeysIndexNotSortedEitherWay() {
        local = new LocalRegistry(dir);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<DocumentRow> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new DocumentRow(UUID.randomUUID().toString(), (i % 2 == 0 ? "Doc-" : "doc-") + i + ".txt", "ann", "text/plain", i,
                    "0".repeat(64), "n1", now, now, 1, "", "ann"));
        }
        local.db.inTransaction(c -> {
            DocumentTable.insertAll(c, rows);
            return null;
        });
        for (boolean descending : new boolean[] {false, true}) {
            DocumentQuery q = new DocumentQuery(null, null, null, null, null, null, null, null, DocumentQuery.Sort.NAME, descending, 7, 50);
            String plan = local.db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                    List<DocumentRow> page = DocumentTable.page(c, q, ADMIN);
                    assertEquals(50, page.size());
                    try (ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                        rs.next();
                        String text = rs.getString(1);
                        s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
                        return text;
                    }
                }
            });
            String index = descending ? "DOCUMENTS_NAME_KEY_DESC" : "DOCUMENTS_NAME_KEY";
            assertTrue(plan.contains("Index Scan ResultSet for DOCUMENTS using index " + index + " at"), plan);
            assertFalse(plan.contains("Sort ResultSet") || plan.contains("Table Scan"), plan);
        }
    }

    /** Every path a search in name order takes, both ways, by pages of 3 and in one page, as admin and as the owner. */
    private void assertEveryPathAgrees(String when) {
        for (boolean descending : new boolean[] {false, true}) {
            List<String> expected = expected(descending);
            for (Principal reader : List.of(ADMIN, ANN)) {
                for (int size : new int[] {3, 50}) {
                    String what = when + ", " + (descending ? "descending" : "ascending") + ", " + reader.name() + ", pages of " + size;
                    assertEquals(expected, walk(reader, null, null, descending, size), what + ", by name only");
                    assertEquals(expected, walk(reader, ".", null, descending, size), what + ", a part every name has");
                    assertEquals(expected, walk(reader, null, "ann", descending, size), what + ", with another filter (SQL)");
                    assertEquals(expected, walk(reader, ".", "ann", descending, size), what + ", SQL among the index's matches");
                }
            }
        }
    }

    /** Without regard to case, then the exact name (both backwards when descending), then the id ascending either way. */
    private List<String> expected(boolean descending) {
        Comparator<String> byName = Comparator.<String, String>comparing(id -> model.get(id).toLowerCase(Locale.ROOT))
                .thenComparing(model::get);
        return model.keySet().stream().sorted((descending ? byName.reversed() : byName).thenComparing(Comparator.naturalOrder())).toList();
    }

    /** The ids of every page of the search in turn (part: lower-case); each page as large as asked but the last, the total right on each. */
    private List<String> walk(Principal reader, String part, String author, boolean descending, int size) {
        List<String> ids = new ArrayList<>();
        long matching = model.values().stream().filter(n -> part == null || n.toLowerCase(Locale.ROOT).contains(part)).count();
        for (int page = 1;; page++) {
            DocumentPage p = local.registry.search(reader, new DocumentQuery(part, author, null, null, null, null, null, null,
                    DocumentQuery.Sort.NAME, descending, page, size));
            assertEquals(matching, p.total(), "the total on page " + page);
            p.documents().stream().map(DocumentInfo::id).forEach(ids::add);
            if (p.documents().size() < size || ids.size() == matching) {
                assertEquals(ids.size(), new HashSet<>(ids).size(), "no document twice: " + ids);
                return ids;
            }
        }
    }

    private List<String> names(List<String> ids) {
        return ids.stream().map(model::get).toList();
    }

    private void registerTheNames() {
        // an order unlike the sorted one, so neither the ids nor the order of registration decide it
        for (String name : List.of("README.md", "budget.xlsx", "Zeta.txt", "audit-notes.txt", "éclair.txt", "Budget.xlsx", "alpha.txt",
                "BUDGET.xlsx", "Éclair.txt", "budget.xlsx")) {
            register(name);
        }
    }

    private void register(String name) {
        DocumentInfo d = local.registry.register(ANN, name, null, "", List.of(), null,
                new ByteArrayInputStream(name.getBytes(StandardCharsets.UTF_8))).document();
        model.put(d.id(), name);
    }

    private void rename(String id, String name) {
        local.registry.edit(ANN, id, name, null, null, null);
        model.put(id, name);
    }

    private String idOf(String name) {
        return model.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
    }

    private static Set<String> indexesOfDocuments(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, "DOCUMENTS", false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    names.add(rs.getString("INDEX_NAME"));
                }
            }
        }
        return names;
    }
}
