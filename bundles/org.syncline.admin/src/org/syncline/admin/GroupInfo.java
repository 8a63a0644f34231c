package org.syncline.admin;

import java.util.List;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/** A group and its members; capabilities grant rights on their objects to groups. */
public record GroupInfo(String name, List<String> members) {

    public GroupInfo {
        members = List.copyOf(members);
    }

    public Map<String, Object> toJson() {
        return Json.object("name", name, "members", members);
    }

    public static GroupInfo fromJson(JsonObject o) {
        return new GroupInfo(o.string("name"), o.list("members").stream().map(String::valueOf).toList());
    }
}
