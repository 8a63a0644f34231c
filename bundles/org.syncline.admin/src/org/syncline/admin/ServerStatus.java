package org.syncline.admin;

import java.util.List;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/** What a server reports about itself; any logged-in user may ask, and subscribers get it pushed. */
public record ServerStatus(String version, String name, long startedAtMillis, long uptimeSeconds, int sessions,
        List<String> roles) {

    public ServerStatus {
        roles = List.copyOf(roles);
    }

    public Map<String, Object> toJson() {
        return Json.object("version", version, "name", name, "startedAt", startedAtMillis, "uptimeSeconds", uptimeSeconds,
                "sessions", (long) sessions, "roles", roles);
    }

    public static ServerStatus fromJson(JsonObject o) {
        return new ServerStatus(o.string("version"), o.optString("name", ""), o.optNumber("startedAt", 0),
                o.number("uptimeSeconds"), (int) o.number("sessions"),
                o.list("roles").stream().map(String::valueOf).toList());
    }
}
