package org.syncline.core.json;

import java.util.List;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * Typed reads from a parsed JSON object, each failing with a {@link ErrorCode#BAD_REQUEST} that names the
 * field, so handlers never see a ClassCastException from a malformed message.
 */
public record JsonObject(Map<String, Object> map) {

    public static JsonObject parse(String text) {
        return new JsonObject(Json.parseObject(text));
    }

    public String string(String key) {
        Object v = map.get(key);
        if (!(v instanceof String s)) {
            throw missing(key, "a string");
        }
        return s;
    }

    public String optString(String key, String fallback) {
        Object v = map.get(key);
        return v instanceof String s ? s : fallback;
    }

    public long number(String key) {
        Object v = map.get(key);
        if (!(v instanceof Number n)) {
            throw missing(key, "a number");
        }
        return n.longValue();
    }

    public long optNumber(String key, long fallback) {
        Object v = map.get(key);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    public boolean optBool(String key, boolean fallback) {
        Object v = map.get(key);
        return v instanceof Boolean b ? b : fallback;
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = map.get(key);
        if (!(v instanceof List)) {
            throw missing(key, "a list");
        }
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    public JsonObject object(String key) {
        Object v = map.get(key);
        if (!(v instanceof Map)) {
            throw missing(key, "an object");
        }
        return new JsonObject((Map<String, Object>) v);
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    @Override
    public String toString() {
        return Json.write(map);
    }

    private static SynclineException missing(String key, String kind) {
        return new SynclineException(ErrorCode.BAD_REQUEST, "The field '" + key + "' must be " + kind + ".");
    }
}
