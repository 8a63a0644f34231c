package org.syncline.admin;

import java.time.Instant;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/** A user as administrators see it; never carries the password hash. */
public record UserInfo(String name, boolean admin, Instant created) {

    public Map<String, Object> toJson() {
        return Json.object("name", name, "admin", admin, "created", created.toString());
    }

    public static UserInfo fromJson(JsonObject o) {
        return new UserInfo(o.string("name"), o.optBool("admin", false), Instant.parse(o.string("created")));
    }
}
