package org.syncline.core.filter;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.ignore.GlobPattern;

/**
 * One pattern over '/'-separated relative paths. A glob ({@code *.mpg}, {@code [1-5]abc}, {@code a??bc},
 * {@code **}) without a slash matches a file's or any of its folders' name; with a slash it matches from the
 * root, the path itself or a folder it is in. {@code re:} starts a Java regular expression that must match the
 * whole relative path.
 */
public final class PathPattern {
    public static final String REGEX_PREFIX = "re:";
    private final String text;
    private final Pattern pattern;
    private final boolean regex;
    private final boolean anchored;

    private PathPattern(String text, Pattern pattern, boolean regex, boolean anchored) {
        this.text = text;
        this.pattern = pattern;
        this.regex = regex;
        this.anchored = anchored;
    }

    /** Parses a pattern, refusing an empty one or a regular expression that does not compile with INVALID_ARGUMENT. */
    public static PathPattern parse(String text) {
        if (text == null || text.isBlank() || text.indexOf('\0') >= 0) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A filter pattern must not be empty (or hold NUL).");
        }
        if (text.startsWith(REGEX_PREFIX)) {
            String re = text.substring(REGEX_PREFIX.length());
            try {
                return new PathPattern(text, Pattern.compile(re), true, true);
            } catch (PatternSyntaxException e) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The regular expression '" + re + "' does not compile: "
                        + e.getDescription() + " near position " + e.getIndex() + ".");
            }
        }
        String glob = text.startsWith("/") ? text.substring(1) : text;
        if (glob.endsWith("/")) {
            glob = glob.substring(0, glob.length() - 1);
        }
        if (glob.isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The filter pattern '" + text + "' names no file or folder.");
        }
        return new PathPattern(text, Pattern.compile(GlobPattern.toRegex(glob)), false, text.contains("/"));
    }

    public boolean matches(String path) {
        if (regex) {
            return pattern.matcher(path).matches();
        }
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            int end = slash < 0 ? path.length() : slash;
            if (pattern.matcher(anchored ? path.substring(0, end) : path.substring(from, end)).matches()) {
                return true;
            }
            if (slash < 0) {
                return false;
            }
            from = slash + 1;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
