package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

class ServerStatusTest {
    private final ServerStatus status = new ServerStatus("0.1.0", "host-a", Instant.parse("2026-11-22T08:00:00.125Z"), 42, 3,
            List.of("registry", "storage"), List.of("admin"));

    @Test
    void travelsAsItsFieldsByName() {
        Map<String, Object> wire = Json.parseObject(Json.write(Json.tree(status)));
        assertEquals(List.of("version", "name", "startedAt", "uptimeSeconds", "sessions", "roles", "capabilities"),
                List.copyOf(wire.keySet()));
        assertEquals("2026-11-22T08:00:00.125Z", wire.get("startedAt"), "scripts read the start time as ISO-8601");
        assertEquals(status, Json.read(new JsonObject(wire), ServerStatus.class));
    }

    @Test
    void aServerWithoutCapabilitiesMayLeaveTheListOut() {
        JsonObject o = JsonObject.parse("{\"version\":\"0.1.0\",\"name\":\"h\",\"startedAt\":\"2026-11-22T08:00:00Z\","
                + "\"uptimeSeconds\":1,\"sessions\":0,\"roles\":[],\"futureField\":true}");
        assertEquals(List.of(), Json.read(o, ServerStatus.class).capabilities());
    }

    @Test
    void anOldMillisecondStartTimeIsRefusedNotMisread() {
        JsonObject o = JsonObject.parse("{\"version\":\"0.1.0\",\"name\":\"h\",\"startedAt\":1763798400000,"
                + "\"uptimeSeconds\":1,\"sessions\":0,\"roles\":[]}");
        SynclineException e = assertThrows(SynclineException.class, () -> Json.read(o, ServerStatus.class));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
        assertTrue(e.getMessage().startsWith("The field 'startedAt' must be an ISO-8601 time"), e.getMessage());
    }
}
