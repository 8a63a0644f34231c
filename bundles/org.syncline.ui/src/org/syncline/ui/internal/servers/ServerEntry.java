package org.syncline.ui.internal.servers;

import java.util.Map;

import org.syncline.core.HostPort;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/** A server the workbench remembers: where it is and as whom to log in. Never holds the password. */
public record ServerEntry(HostPort address, String user) {

    /** How the Servers view names it: {@code user@host:port}. */
    public String label() {
        return user + "@" + address;
    }

    Map<String, Object> toJson() {
        return Json.object("host", address.host(), "port", (long) address.port(), "user", user);
    }

    static ServerEntry fromJson(JsonObject o) {
        return new ServerEntry(new HostPort(o.string("host"), (int) o.number("port")), o.string("user"));
    }
}
