package org.syncline.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/** A user as administrators see it; never carries the password hash. */
public record UserInfo(String name, boolean admin, Instant created, List<String> groups) {

    public UserInfo {
        groups = List.copyOf(groups);
    }

    public Map<String, Object> toJson() {
        return Json.object("name", name, "admin", admin, "created", created.toString(), "groups", groups);
    }

    public static UserInfo fromJson(JsonObject o) {
        return new UserInfo(o.string("name"), o.optBool("admin", false), Instant.parse(o.string("created")),
                o.has("groups") ? o.list("groups").stream().map(String::valueOf).toList() : List.of());
    }
}
