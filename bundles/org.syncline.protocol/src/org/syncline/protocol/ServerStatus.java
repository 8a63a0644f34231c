package org.syncline.protocol;

import java.time.Instant;
import java.util.List;

import org.syncline.core.json.Json;

/**
 * What a server reports about itself, whatever capabilities it runs: any logged-in user may ask with
 * {@link #REQUEST}, and subscribers of {@link #TOPIC} get it pushed when sessions come and go. On the wire
 * (and in {@code syncline status --json}) it is the record's fields by name, {@code startedAt} in ISO-8601.
 */
public record ServerStatus(String version, String name, Instant startedAt, long uptimeSeconds, int sessions,
        List<String> roles, List<String> capabilities) {
    /** The server application's own messages; capabilities cannot register names under {@code server.}. */
    public static final String REQUEST = "server.status";
    public static final String TOPIC = "server.status";
    public static final String PUSH = "server.status";

    public ServerStatus {
        roles = List.copyOf(roles);
        capabilities = List.copyOf(capabilities);
    }

    /** Asks the server on {@code connection}. */
    public static ServerStatus of(Connection connection) {
        return Json.read(connection.request(REQUEST, Json.object()), ServerStatus.class);
    }

    /** Calls {@code listener} with every status the server pushes, and subscribes (again after reconnects). */
    public static void watch(Connection connection, java.util.function.Consumer<ServerStatus> listener) {
        connection.onPush(PUSH, body -> listener.accept(Json.read(body, ServerStatus.class)));
        connection.subscribe(TOPIC);
    }
}
