package org.syncline.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class JsonTest {
    record Member(String name, int port, boolean admin, Instant joined, List<String> groups) {
        Member {
            if (name.isEmpty()) {
                throw new SynclineException(ErrorCode.INVALID_NAME, "A member needs a name.");
            }
            groups = List.copyOf(groups);
        }
    }

    private static final String MEMBER = "{\"name\":\"ann\",\"port\":7001,\"admin\":true,\"joined\":\"2026-03-01T10:15:30.250Z\","
            + "\"groups\":[\"ops\",\"dev\"]";

    private static String badRequest(Executable action) {
        SynclineException e = assertThrows(SynclineException.class, action);
        assertEquals(ErrorCode.BAD_REQUEST, e.code(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void roundTripsValues() {
        Map<String, Object> m = Json.object("name", "a \"quoted\"\nline", "n", 42L, "f", 1.5, "ok", true,
                "none", null, "list", List.of(1L, "x"), "empty", Map.of());
        assertEquals(m, Json.parse(Json.write(m)));
        assertEquals(m, Json.parse(Json.pretty(m)));
    }

    @Test
    void prettyKeepsTheLayoutScriptsAndPeopleRead() {
        assertEquals("{\n  \"a\": 1,\n  \"l\": [\n    true\n  ],\n  \"e\": {}\n}",
                Json.pretty(Json.object("a", 1L, "l", List.of(true), "e", Map.of())));
    }

    @Test
    void refusesDuplicateKeysNamingTheKey() {
        String m = badRequest(() -> Json.parse("{\"name\":\"a\",\"port\":1,\"name\":\"b\"}"));
        assertTrue(m.contains("Duplicate field 'name'"), m);
        badRequest(() -> JsonObject.parse("{\"outer\":{\"k\":1,\"k\":1}}"));
    }

    @Test
    void refusesTrailingGarbage() {
        assertTrue(badRequest(() -> Json.parse("{\"a\":1} {\"a\":2}")).contains("after the value"));
        badRequest(() -> Json.parse("{\"a\":1} x"));
        badRequest(() -> Json.parse("[1]]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"port\":08080}", "-01", "{\"f\":NaN}", "[-Infinity]", "{\"a\":1 /* c */}", "{\"a\":1} // c",
            "{\"a\":1} # c", "{'a':1}", "{a:1}", "[1,]", "[1,,2]"})
    void refusesWhatLenientParsersAccept(String text) {
        String m = badRequest(() -> Json.parse(text));
        assertTrue(m.startsWith("Malformed JSON at line 1, column "), m);
    }

    @Test
    void namesLeadingZerosAndNaN() {
        assertTrue(badRequest(() -> Json.parse("{\"port\":08080}")).contains("Leading zeroes"));
        assertTrue(badRequest(() -> Json.parse("{\"f\":NaN}")).contains("'NaN'"));
    }

    @Test
    void refusesMalformedInputWithOneSentence() {
        for (String bad : new String[] {"{", "{\"a\":}", "\"\\x\"", "tru", "{\"a\":1", "", "   "}) {
            String m = badRequest(() -> Json.parse(bad));
            assertTrue(m.startsWith("Malformed JSON") && m.endsWith(".") && !m.contains("\n") && !m.contains("enable"), m);
        }
        assertTrue(badRequest(() -> JsonObject.parse("[1]")).contains("not a JSON object"));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        int limit = Json.MAX_DEPTH;
        assertEquals(List.of(), unwrap(Json.parse("[".repeat(limit) + "]".repeat(limit)), limit - 1));
        String m = badRequest(() -> Json.parse("[".repeat(limit + 1) + "]".repeat(limit + 1)));
        assertTrue(m.contains("deeper than " + limit), m);
    }

    private static Object unwrap(Object nested, int levels) {
        Object v = nested;
        for (int i = 0; i < levels; i++) {
            v = ((List<?>) v).get(0);
        }
        return v;
    }

    @Test
    void typedReadsNameTheFieldAndTheTypes() {
        JsonObject o = JsonObject.parse("{\"user\":\"alice\",\"n\":3,\"f\":2.5,\"flag\":\"yes\",\"nothing\":null}");
        assertEquals("alice", o.string("user"));
        assertEquals(3, o.number("n"));
        assertEquals("The field 'n' must be a string, not a number.", badRequest(() -> o.string("n")));
        assertEquals("The field 'user' must be a whole number, not a string.", badRequest(() -> o.number("user")));
        assertTrue(badRequest(() -> o.number("f")).contains("'f' must be a whole number"));
        assertTrue(badRequest(() -> o.optBool("flag", false)).contains("'flag'"), "present with the wrong type is no default");
        assertTrue(badRequest(() -> o.optNumber("user", 1)).contains("'user'"));
        assertEquals("The field 'port' is missing; it must be a whole number.", badRequest(() -> o.number("port")));
        assertEquals("fallback", o.optString("nothing", "fallback"));
        assertEquals(7, o.optNumber("absent", 7));
    }

    @Test
    void recordRoundTripsThroughTree() {
        Member ann = new Member("ann", 7001, true, Instant.parse("2026-03-01T10:15:30.250Z"), List.of("ops", "dev"));
        Map<String, Object> tree = Json.tree(ann);
        assertEquals(List.of("name", "port", "admin", "joined", "groups"), List.copyOf(tree.keySet()));
        assertEquals("2026-03-01T10:15:30.250Z", tree.get("joined"));
        assertEquals(7001L, tree.get("port"));
        assertEquals(ann, Json.read(JsonObject.parse(Json.write(tree)), Member.class));
        assertEquals(ann, Json.read(new JsonObject(tree), Member.class));
    }

    @Test
    void ignoresUnknownFieldsAndReadsAMissingListAsEmpty() {
        Member m = Json.read(JsonObject.parse(MEMBER + ",\"addedLater\":{\"x\":[1]}}"), Member.class);
        assertEquals("ann", m.name());
        Member lonely = Json.read(JsonObject.parse("{\"name\":\"bo\",\"port\":1,\"admin\":false,\"joined\":\"2026-01-01T00:00:00Z\"}"),
                Member.class);
        assertEquals(List.of(), lonely.groups());
    }

    static Stream<Arguments> badMembers() {
        String joined = "\"joined\":\"2026-01-01T00:00:00Z\"";
        return Stream.of(
                Arguments.of("\"name\":\"ann\",\"admin\":true," + joined, "The field 'port' is missing or null."),
                Arguments.of("\"name\":null,\"port\":1,\"admin\":true," + joined, "The field 'name' is missing or null."),
                Arguments.of("\"port\":1,\"admin\":true," + joined, "The field 'name' is missing or null."),
                Arguments.of("\"name\":\"ann\",\"port\":\"7001\",\"admin\":true," + joined, "The field 'port' must be a whole number."),
                Arguments.of("\"name\":\"ann\",\"port\":1.5,\"admin\":true," + joined, "The field 'port' must be a whole number."),
                Arguments.of("\"name\":5,\"port\":1,\"admin\":true," + joined, "The field 'name' must be a string."),
                Arguments.of("\"name\":\"ann\",\"port\":1,\"admin\":1," + joined, "The field 'admin' must be true or false."),
                Arguments.of("\"name\":\"ann\",\"port\":1,\"admin\":\"true\"," + joined, "The field 'admin' must be true or false."),
                // Epoch numbers are ambiguous (seconds or milliseconds?), so only ISO-8601 text is taken.
                Arguments.of("\"name\":\"ann\",\"port\":1,\"admin\":true,\"joined\":1767225600", ISO_TIME.formatted("joined")),
                Arguments.of("\"name\":\"ann\",\"port\":1,\"admin\":true,\"joined\":\"yesterday\"", ISO_TIME.formatted("joined")),
                Arguments.of("\"name\":\"ann\",\"port\":1,\"admin\":true," + joined + ",\"groups\":[\"a\",2]",
                        "The field 'groups[1]' must be a string."),
                Arguments.of("\"name\":\"ann\",\"port\":1,\"admin\":true," + joined + ",\"groups\":[null]",
                        "The field 'groups[0]' must not be null."),
                Arguments.of("\"name\":\"ann\",\"port\":1,\"admin\":true," + joined + ",\"groups\":\"ops\"",
                        "The field 'groups' must be a list."));
    }

    private static final String ISO_TIME = "The field '%s' must be an ISO-8601 time such as \"2026-01-31T12:00:00Z\".";

    @ParameterizedTest
    @MethodSource("badMembers")
    void bindingNamesTheMissingOrWronglyTypedField(String fields, String message) {
        assertEquals(message, badRequest(() -> read(fields)));
    }

    private static Member read(String fields) {
        return Json.read(JsonObject.parse("{" + fields + "}"), Member.class);
    }

    @Test
    void aRecordsOwnRefusalPassesThrough() {
        SynclineException e = assertThrows(SynclineException.class, () -> read("\"name\":\"\",\"port\":1,\"admin\":true,"
                + "\"joined\":\"2026-01-01T00:00:00Z\""));
        assertEquals(ErrorCode.INVALID_NAME, e.code());
        assertEquals("A member needs a name.", e.getMessage());
    }

    @Test
    void listsBindEachElementAndNameItsPlace() {
        JsonObject body = JsonObject.parse("{\"members\":[" + MEMBER + "}," + MEMBER.replace("7001", "\"x\"") + "}]}");
        assertEquals("The field 'members[1].port' must be a whole number.", badRequest(() -> body.list("members", Member.class)));
        JsonObject one = JsonObject.parse("{\"members\":[" + MEMBER + "}]}");
        assertEquals(7001, one.list("members", Member.class).get(0).port());
    }

    @Test
    void aJsonObjectInsideAMessageWritesAsItsFields() {
        JsonObject inner = JsonObject.parse("{\"k\":1}");
        assertEquals("{\"inner\":{\"k\":1}}", Json.write(Json.object("inner", inner)));
        assertSame(inner.map(), inner.map());
    }
}
