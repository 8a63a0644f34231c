package org.syncline.core.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Typed reads from a parsed JSON object, each failing with a {@link ErrorCode#BAD_REQUEST} that names the
 * field, so handlers never see a ClassCastException from a malformed message. The {@code opt} reads fall
 * back only when the field is absent or null: a field that is there with the wrong type is an error, not
 * a default.
 */
public record JsonObject(@JsonValue Map<String, Object> map) {

    public static JsonObject parse(String text) {
        return new JsonObject(Json.parseObject(text));
    }

    public String string(String key) {
        return require(key, String.class, "a string");
    }

    public String optString(String key, String fallback) {
        return optional(key, String.class, "a string", fallback);
    }

    public long number(String key) {
        return whole(key, require(key, Number.class, "a whole number"));
    }

    public long optNumber(String key, long fallback) {
        Number n = optional(key, Number.class, "a whole number", null);
        return n == null ? fallback : whole(key, n);
    }

    public boolean optBool(String key, boolean fallback) {
        return optional(key, Boolean.class, "true or false", fallback);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        return require(key, List.class, "a list");
    }

    /** The list at {@code key} with each element bound to {@code type} as {@link Json#read} does. */
    public <T> List<T> list(String key, Class<T> type) {
        return Json.readList(this, key, type);
    }

    @SuppressWarnings("unchecked")
    public JsonObject object(String key) {
        return new JsonObject(require(key, Map.class, "an object"));
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    @Override
    public String toString() {
        return Json.write(map);
    }

    private <T> T require(String key, Class<T> type, String kind) {
        T v = optional(key, type, kind, null);
        if (v == null) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The field '" + key + "' is missing; it must be " + kind + ".");
        }
        return v;
    }

    private <T> T optional(String key, Class<T> type, String kind, T fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (!type.isInstance(v)) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The field '" + key + "' must be " + kind + ", not " + describe(v) + ".");
        }
        return type.cast(v);
    }

    /** A fraction where a count or size belongs is refused rather than truncated. */
    private static long whole(String key, Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The field '" + key + "' must be a whole number, not " + n + ".");
        }
        return n.longValue();
    }

    private static String describe(Object v) {
        if (v instanceof String) {
            return "a string";
        } else if (v instanceof Number) {
            return "a number";
        } else if (v instanceof Boolean) {
            return "true or false";
        } else if (v instanceof List) {
            return "a list";
        } else if (v instanceof Map) {
            return "an object";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
