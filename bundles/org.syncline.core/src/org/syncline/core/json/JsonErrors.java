package org.syncline.core.json;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's exceptions into one {@link ErrorCode#BAD_REQUEST} sentence that names the field or the
 * place in the text. Jackson's own messages speak to developers (feature names to enable, Java types,
 * redacted sources); a peer that sent a bad message needs to know which field to fix.
 */
final class JsonErrors {
    /** Where Jackson's messages turn from the problem to advice about its own configuration. */
    private static final String[] ADVICE = {": enable `", ": maybe a (non-standard)", " (start marker at", ", from `",
            " (but might if", " (but could if", ": not allowed as per `", "\n"};

    private JsonErrors() {
    }

    static SynclineException malformed(JacksonException e) {
        String why;
        if (e instanceof StreamConstraintsException) {
            return new SynclineException(ErrorCode.BAD_REQUEST, "Malformed JSON: it nests deeper than " + Json.MAX_DEPTH + " levels.");
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            why = "unexpected text after the value";
        } else {
            why = withoutAdvice(e.getOriginalMessage());
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new SynclineException(ErrorCode.BAD_REQUEST, "Malformed JSON" + where + ": " + why + ".");
    }

    /** {@code fieldPrefix} names where the bound value sits in the message ("users" for an element of a list). */
    static SynclineException binding(JsonMappingException e, String fieldPrefix) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SynclineException own) {
                return own;
            }
        }
        String field = field(e, fieldPrefix);
        if (field.isEmpty()) {
            return new SynclineException(ErrorCode.BAD_REQUEST, "The message cannot be read: " + withoutAdvice(e.getOriginalMessage()) + ".");
        }
        String problem;
        if (e instanceof InvalidNullException) {
            problem = field.endsWith("]") ? "must not be null" : "is missing or null";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            problem = "must be " + kind(m.getTargetType());
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            problem = "is invalid: " + e.getCause().getMessage();
        } else {
            problem = "is invalid: " + withoutAdvice(e.getOriginalMessage());
        }
        return new SynclineException(ErrorCode.BAD_REQUEST, "The field '" + field + "' " + problem + (problem.endsWith(".") ? "" : "."));
    }

    /** A path like {@code users[2].created}; empty when the problem is the message itself. */
    private static String field(JsonMappingException e, String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    static String kind(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        } else if (type == long.class || type == int.class || type == short.class || type == byte.class
                || type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
            return "a whole number";
        } else if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time such as \"2026-01-31T12:00:00Z\"";
        } else if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String withoutAdvice(String message) {
        String m = message == null ? "unreadable input" : message;
        for (String advice : ADVICE) {
            int i = m.indexOf(advice);
            if (i > 0) {
                m = m.substring(0, i);
            }
        }
        return m.strip();
    }
}
