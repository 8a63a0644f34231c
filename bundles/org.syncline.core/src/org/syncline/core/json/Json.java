package org.syncline.core.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JavaType;

/**
 * JSON text to and from plain Java values: {@link Map} (ordered), {@link List}, {@link String}, {@link Long},
 * {@link Double}, {@link Boolean} and {@code null}; and records to and from such maps. Used for control
 * messages and for {@code --json} output. Parsing is strict (see {@link StrictMapper}) and every failure is
 * a {@link ErrorCode#BAD_REQUEST} that names the field or the place in the text. Nesting deeper than
 * {@value #MAX_DEPTH} is refused, so a hostile message cannot exhaust the stack.
 */
public final class Json {
    public static final int MAX_DEPTH = 64;

    private Json() {
    }

    /** Compact JSON of maps, lists, scalars and records (an {@link java.time.Instant} as ISO-8601 text). */
    public static String write(Object value) {
        try {
            return StrictMapper.MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw unwritable(value, e);
        }
    }

    public static String pretty(Object value) {
        try {
            return StrictMapper.PRETTY.writeValueAsString(value);
        } catch (JacksonException e) {
            throw unwritable(value, e);
        }
    }

    public static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "Malformed JSON: the text is empty.");
        }
        try {
            return StrictMapper.MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw JsonErrors.malformed(e);
        }
    }

    /** Parses text that must be a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The message is not a JSON object.");
        }
        return (Map<String, Object>) v;
    }

    public static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /**
     * A record (or any bean) as the map a message body or {@code --json} output is made of: its components
     * by name in declaration order, an {@link java.time.Instant} as ISO-8601 text. The map is a fresh,
     * modifiable copy, so callers may add fields.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> tree(Object record) {
        Object tree = StrictMapper.MAPPER.convertValue(Objects.requireNonNull(record, "record"), Object.class);
        if (!(tree instanceof Map)) {
            throw new IllegalArgumentException(record.getClass().getName() + " does not write as a JSON object");
        }
        return (Map<String, Object>) tree;
    }

    /**
     * Binds {@code o} to a record of {@code type}. Fields the record does not have are ignored (a newer peer
     * may send more); a missing or null component, a wrong type (a number where a string belongs, a fraction
     * for an int, a number for an Instant) fails with a {@link ErrorCode#BAD_REQUEST} naming the field. A
     * missing list or map reads as empty. A {@link SynclineException} from the record's constructor passes
     * through unchanged.
     */
    public static <T> T read(JsonObject o, Class<T> type) {
        return bind(o.map(), StrictMapper.MAPPER.constructType(type), "");
    }

    /** Binds each element of the list at {@code key} of {@code o}; errors name e.g. {@code users[2].created}. */
    static <T> List<T> readList(JsonObject o, String key, Class<T> type) {
        return bind(o.list(key), StrictMapper.MAPPER.getTypeFactory().constructCollectionType(List.class, type), key);
    }

    private static <T> T bind(Object value, JavaType type, String fieldPrefix) {
        try {
            return StrictMapper.MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException d) {
                throw JsonErrors.binding(d, fieldPrefix);
            }
            throw e;
        }
    }

    private static SynclineException unwritable(Object value, JacksonException e) {
        return new SynclineException(ErrorCode.INTERNAL, "Cannot write a " + value.getClass().getSimpleName() + " as JSON: "
                + e.getOriginalMessage() + ".");
    }
}
