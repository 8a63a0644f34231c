package org.syncline.protocol;

import java.util.List;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * What a server reports about itself, whatever capabilities it runs: any logged-in user may ask with
 * {@link #REQUEST}, and subscribers of {@link #TOPIC} get it pushed when sessions come and go.
 */
public record ServerStatus(String version, String name, long startedAtMillis, long uptimeSeconds, int sessions,
        List<String> roles, List<String> capabilities) {
    /** The server application's own messages; capabilities cannot register names under {@code server.}. */
    public static final String REQUEST = "server.status";
    public static final String TOPIC = "server.status";
    public static final String PUSH = "server.status";

    public ServerStatus {
        roles = List.copyOf(roles);
        capabilities = List.copyOf(capabilities);
    }

    public Map<String, Object> toJson() {
        return Json.object("version", version, "name", name, "startedAt", startedAtMillis, "uptimeSeconds", uptimeSeconds,
                "sessions", (long) sessions, "roles", roles, "capabilities", capabilities);
    }

    public static ServerStatus fromJson(JsonObject o) {
        return new ServerStatus(o.string("version"), o.optString("name", ""), o.optNumber("startedAt", 0),
                o.number("uptimeSeconds"), (int) o.number("sessions"),
                o.list("roles").stream().map(String::valueOf).toList(),
                o.has("capabilities") ? o.list("capabilities").stream().map(String::valueOf).toList() : List.of());
    }

    /** Asks the server on {@code connection}. */
    public static ServerStatus of(Connection connection) {
        return fromJson(connection.request(REQUEST, Json.object()));
    }

    /** Calls {@code listener} with every status the server pushes, and subscribes (again after reconnects). */
    public static void watch(Connection connection, java.util.function.Consumer<ServerStatus> listener) {
        connection.onPush(PUSH, body -> listener.accept(fromJson(body)));
        connection.subscribe(TOPIC);
    }
}
