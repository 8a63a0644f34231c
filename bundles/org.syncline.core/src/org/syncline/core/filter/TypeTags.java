package org.syncline.core.filter;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;

/**
 * Data-type tags: patterns mapped to tags ({@code *.jpg -> images}). A file with tags goes only to servers that
 * carry one of them; a file no pattern tags goes to every target.
 */
public final class TypeTags {
    private final Map<PathPattern, String> tags = new LinkedHashMap<>();

    /** @param mapping pattern to tag, in the order they are tried (all that match apply) */
    public TypeTags(Map<String, String> mapping) {
        mapping.forEach((pattern, tag) -> {
            if (tag == null || tag.isEmpty() || tag.length() > 64 || tag.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new SynclineException(ErrorCode.INVALID_NAME, "'" + Names.printable(String.valueOf(tag)) + "' is not a tag for pattern '"
                        + Names.printable(pattern) + "': use 1-64 characters without spaces.");
            }
            tags.put(PathPattern.parse(pattern), tag);
        });
    }

    /** The tags of a path; empty when no pattern matches. */
    public Set<String> of(String path) {
        Set<String> out = new LinkedHashSet<>();
        tags.forEach((p, t) -> {
            if (p.matches(path)) {
                out.add(t);
            }
        });
        return out;
    }

    /** Whether a server carrying {@code serverTags} takes the file at {@code path}. */
    public boolean takes(String path, Set<String> serverTags) {
        Set<String> t = of(path);
        return t.isEmpty() || t.stream().anyMatch(serverTags::contains);
    }
}
