package org.syncline.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

class DocumentQueryTest {
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void travelsAsOnlyTheFiltersGivenAndReadsBackEqual() {
        DocumentQuery q = new DocumentQuery("Rep", "ann", "application/pdf", "q3", T1, T2, 10L, 20L, DocumentQuery.Sort.SIZE, true, 2, 25);
        JsonObject wire = JsonObject.parse(Json.write(q.toBody()));
        assertEquals(q, DocumentQuery.from(wire));
        JsonObject none = JsonObject.parse(Json.write(DocumentQuery.all().toBody()));
        assertTrue(!none.has("name") && !none.has("minSize") && !none.has("modifiedAfter"), none.toString());
        assertEquals(DocumentQuery.all(), DocumentQuery.from(none));
    }

    @Test
    void blankFiltersMeanNoFilter() {
        DocumentQuery q = DocumentQuery.all().withName("  ");
        assertNull(q.name());
    }

    @Test
    void refusesPagesAndRangesThatCannotMatch() {
        assertInvalid(() -> new DocumentQuery(null, null, null, null, null, null, null, null, null, false, 0, 10), "page must be 1");
        assertInvalid(() -> new DocumentQuery(null, null, null, null, null, null, null, null, null, false, 1, 1001), "between 1 and 1000");
        assertInvalid(() -> new DocumentQuery(null, null, null, null, null, null, 5L, 4L, null, false, 1, 10), "larger than the largest");
        assertInvalid(() -> new DocumentQuery(null, null, null, null, null, null, -1L, null, null, false, 1, 10), "negative");
        assertInvalid(() -> new DocumentQuery(null, null, null, null, T2, T1, null, null, null, false, 1, 10), "must be earlier");
        assertInvalid(() -> DocumentQuery.Sort.parse("owner"), "name, modified, size, author, type, version or node");
    }

    @Test
    void aMalformedFieldIsABadRequestNamingIt() {
        SynclineException e = assertThrows(SynclineException.class,
                () -> DocumentQuery.from(JsonObject.parse("{\"modifiedAfter\":\"yesterday\"}")));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains("modifiedAfter"), e.getMessage());
        SynclineException size = assertThrows(SynclineException.class, () -> DocumentQuery.from(JsonObject.parse("{\"minSize\":\"big\"}")));
        assertTrue(size.getMessage().contains("minSize"), size.getMessage());
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable e, String part) {
        SynclineException x = assertThrows(SynclineException.class, e);
        assertEquals(ErrorCode.INVALID_ARGUMENT, x.code());
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }
}
