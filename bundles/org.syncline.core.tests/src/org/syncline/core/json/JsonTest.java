package org.syncline.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class JsonTest {

    @Test
    void roundTripsValues() {
        Map<String, Object> m = Json.object("name", "a \"quoted\"\nline", "n", 42L, "f", 1.5, "ok", true,
                "none", null, "list", List.of(1L, "x"));
        String text = Json.write(m);
        assertEquals(m, Json.parse(text));
        assertEquals(m, Json.parse(Json.pretty(m)));
    }

    @Test
    void typedReadsNameTheField() {
        JsonObject o = JsonObject.parse("{\"user\":\"alice\",\"n\":3}");
        assertEquals("alice", o.string("user"));
        assertEquals(3, o.number("n"));
        SynclineException e = assertThrows(SynclineException.class, () -> o.string("n"));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().contains("'n'"));
    }

    @Test
    void refusesMalformedAndDeepInput() {
        for (String bad : new String[] {"{", "{\"a\":}", "[1,]", "\"\\x\"", "tru", "{} x", "{\"a\":1"}) {
            assertEquals(ErrorCode.BAD_REQUEST, assertThrows(SynclineException.class, () -> Json.parse(bad)).code(), bad);
        }
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        SynclineException e = assertThrows(SynclineException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting"));
    }
}
