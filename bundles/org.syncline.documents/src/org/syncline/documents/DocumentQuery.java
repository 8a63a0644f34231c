package org.syncline.documents;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * A search: every filter is optional (null: no filter), all given filters must match. Pages count from 1.
 * It travels with {@link #toBody()} and {@link #from(JsonObject)} rather than record binding, because
 * binding refuses absent components and a filter that is not given is absent.
 *
 * @param name     a substring of the name, compared without regard to case
 * @param mimeType the exact mime type, e.g. {@code application/pdf}
 * @param node     the name of the storage node that holds the newest version
 */
public record DocumentQuery(String name, String author, String mimeType, String tag, Instant modifiedAfter,
        Instant modifiedBefore, Long minSize, Long maxSize, Sort sort, boolean descending, int page, int pageSize, String node) {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;

    public enum Sort {
        NAME, MODIFIED, SIZE, AUTHOR, TYPE, VERSION, NODE;

        public static Sort parse(String word) {
            for (Sort s : values()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(word)) {
                    return s;
                }
            }
            throw invalid("'" + Names.printable(String.valueOf(word)) + "' is not a sort order; use name, modified, size, author, type, version or node.");
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DocumentQuery {
        name = blankAsNull(name);
        author = blankAsNull(author);
        mimeType = blankAsNull(mimeType);
        tag = blankAsNull(tag);
        node = blankAsNull(node);
        sort = sort == null ? Sort.NAME : sort;
        if (page < 1) {
            throw invalid("The page must be 1 or more, not " + page + ".");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw invalid("The page size must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize + ".");
        }
        if (minSize != null && minSize < 0 || maxSize != null && maxSize < 0) {
            throw invalid("A size bound cannot be negative.");
        }
        if (minSize != null && maxSize != null && minSize > maxSize) {
            throw invalid("The smallest size (" + minSize + ") is larger than the largest (" + maxSize + ").");
        }
        if (modifiedAfter != null && modifiedBefore != null && !modifiedAfter.isBefore(modifiedBefore)) {
            throw invalid("'modified after' (" + modifiedAfter + ") must be earlier than 'modified before' (" + modifiedBefore + ").");
        }
    }

    /** Any node. */
    public DocumentQuery(String name, String author, String mimeType, String tag, Instant modifiedAfter, Instant modifiedBefore,
            Long minSize, Long maxSize, Sort sort, boolean descending, int page, int pageSize) {
        this(name, author, mimeType, tag, modifiedAfter, modifiedBefore, minSize, maxSize, sort, descending, page, pageSize, null);
    }

    public DocumentQuery withNode(String nodeName) {
        return new DocumentQuery(name, author, mimeType, tag, modifiedAfter, modifiedBefore, minSize, maxSize, sort, descending, page,
                pageSize, nodeName);
    }

    /** Every document, sorted by name, first page. */
    public static DocumentQuery all() {
        return new DocumentQuery(null, null, null, null, null, null, null, null, Sort.NAME, false, 1, DEFAULT_PAGE_SIZE);
    }

    public DocumentQuery withName(String substring) {
        return new DocumentQuery(substring, author, mimeType, tag, modifiedAfter, modifiedBefore, minSize, maxSize, sort,
                descending, page, pageSize, node);
    }

    /** The message body: only the filters that are given. */
    public Map<String, Object> toBody() {
        Map<String, Object> b = Json.object("sort", sort.word(), "descending", descending, "page", page, "pageSize", pageSize);
        put(b, "name", name);
        put(b, "author", author);
        put(b, "mimeType", mimeType);
        put(b, "tag", tag);
        put(b, "modifiedAfter", modifiedAfter == null ? null : modifiedAfter.toString());
        put(b, "modifiedBefore", modifiedBefore == null ? null : modifiedBefore.toString());
        put(b, "minSize", minSize);
        put(b, "maxSize", maxSize);
        put(b, "node", node);
        return b;
    }

    /** Reads a body written by {@link #toBody()}; a malformed field is a BAD_REQUEST or INVALID_ARGUMENT naming it. */
    public static DocumentQuery from(JsonObject b) {
        return new DocumentQuery(b.optString("name", null), b.optString("author", null), b.optString("mimeType", null),
                b.optString("tag", null), instant(b, "modifiedAfter"), instant(b, "modifiedBefore"), size(b, "minSize"),
                size(b, "maxSize"), Sort.parse(b.optString("sort", "name")), b.optBool("descending", false),
                (int) b.optNumber("page", 1), (int) Math.min(Integer.MAX_VALUE, b.optNumber("pageSize", DEFAULT_PAGE_SIZE)),
                b.optString("node", null));
    }

    private static Instant instant(JsonObject b, String key) {
        String v = b.optString(key, null);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The field '" + key + "' must be an ISO-8601 instant, not '"
                    + Names.printable(v) + "'.");
        }
    }

    private static Long size(JsonObject b, String key) {
        return b.has(key) && b.map().get(key) != null ? b.optNumber(key, 0) : null;
    }

    private static void put(Map<String, Object> b, String key, Object value) {
        if (value != null) {
            b.put(key, value);
        }
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static SynclineException invalid(String sentence) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, sentence);
    }
}
