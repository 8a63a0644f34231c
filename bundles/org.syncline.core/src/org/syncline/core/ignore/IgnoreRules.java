package org.syncline.core.ignore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which paths of a synced folder stay local: the rules of a {@code .synclineignore} file in gitignore syntax
 * ({@code *}, {@code **}, {@code ?}, {@code [...]}, a leading {@code /} anchors to the folder, a trailing
 * {@code /} matches only directories, {@code !} re-includes, {@code #} starts a comment), after the defaults
 * that keep editor temp files local. The last rule that matches decides; a path inside an ignored directory
 * is ignored whatever later rules say (as in git). Syncline's own state ({@code .syncline*}) is always ignored.
 */
public final class IgnoreRules {
    /** The file the rules are read from, at the root of a synced folder. */
    public static final String FILE_NAME = ".synclineignore";
    /** Editor backups, swap and lock files, desktop metadata, temp files. */
    public static final List<String> DEFAULTS = List.of("*~", ".*.swp", ".#*", "\\#*#", ".DS_Store", "Thumbs.db", "*.tmp");
    private static final Rule STATE = Rule.parse(".syncline*");

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The defaults followed by the rules of {@code text} (the content of a {@code .synclineignore}). */
    public static IgnoreRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        DEFAULTS.forEach(d -> rules.add(Rule.parse(d)));
        if (text != null) {
            for (String line : text.split("\r?\n")) {
                Rule r = Rule.parse(line);
                if (r != null) {
                    rules.add(r);
                }
            }
        }
        return new IgnoreRules(rules);
    }

    public static IgnoreRules defaults() {
        return parse(null);
    }

    /**
     * Whether {@code path} ('/'-separated, relative to the folder's root) stays local.
     *
     * @param directory whether the path is a directory
     */
    public boolean isIgnored(String path, boolean directory) {
        String[] segments = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(segments[i]);
            boolean isDir = i < segments.length - 1 || directory;
            if (matches(prefix.toString(), segments[i], isDir)) {
                return true;
            }
        }
        return false;
    }

    /**
     * As {@link #isIgnored}, for a path whose parent directory is known not to be ignored (a walk that skips ignored
     * directories knows it): only the path's own name is matched, not every directory above it again.
     */
    public boolean isIgnoredInSyncedDirectory(String path, boolean directory) {
        return matches(path, path.substring(path.lastIndexOf('/') + 1), directory);
    }

    private boolean matches(String path, String name, boolean directory) {
        if (STATE.matches(path, name, directory)) {
            return true;
        }
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.matches(path, name, directory)) {
                ignored = !r.negated;
            }
        }
        return ignored;
    }

    /**
     * One line of a gitignore file, compiled to a regular expression; a name pattern of literal characters and at most
     * one '*' (every default) is also kept as its literal parts, matched without the regular expression.
     */
    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly, boolean anchored, String[] literal) {
        static Rule parse(String line) {
            String s = stripTrailingSpaces(line);
            if (s.isEmpty() || s.startsWith("#")) {
                return null;
            }
            boolean negated = false;
            if (s.startsWith("!")) {
                negated = true;
                s = s.substring(1);
            } else if (s.startsWith("\\!") || s.startsWith("\\#")) {
                s = s.substring(1);
            }
            boolean directoryOnly = s.endsWith("/");
            if (directoryOnly) {
                s = s.substring(0, s.length() - 1);
            }
            // a slash at the start or in the middle anchors the pattern to the folder's root
            boolean anchored = s.contains("/");
            if (s.startsWith("/")) {
                s = s.substring(1);
            }
            if (s.isEmpty()) {
                return null;
            }
            return new Rule(Pattern.compile(GlobPattern.toRegex(s)), negated, directoryOnly, anchored, anchored ? null : literalParts(s));
        }

        boolean matches(String path, String name, boolean directory) {
            if (directoryOnly && !directory) {
                return false;
            }
            if (literal != null) {
                return literal.length == 1 ? name.equals(literal[0])
                        : name.length() >= literal[0].length() + literal[1].length() && name.startsWith(literal[0]) && name.endsWith(literal[1]);
            }
            return pattern.matcher(anchored ? path : name).matches();
        }

        /** The text before and after the one '*' of a glob (or the whole glob without one), or null for any other glob. */
        static String[] literalParts(String glob) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '\\' && i + 1 < glob.length()) {
                    part.append(glob.charAt(++i));
                } else if (c == '*') {
                    parts.add(part.toString());
                    part.setLength(0);
                } else if (c == '?' || c == '[' || c == '/') {
                    return null;
                } else {
                    part.append(c);
                }
            }
            parts.add(part.toString());
            return parts.size() <= 2 ? parts.toArray(String[]::new) : null;
        }

        private static String stripTrailingSpaces(String line) {
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ' && (end < 2 || line.charAt(end - 2) != '\\')) {
                end--;
            }
            return line.substring(0, end);
        }
    }
}
