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

    /** One line of a gitignore file, compiled to a regular expression. */
    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly, boolean anchored) {
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
            return new Rule(Pattern.compile(GlobPattern.toRegex(s)), negated, directoryOnly, anchored);
        }

        boolean matches(String path, String name, boolean directory) {
            if (directoryOnly && !directory) {
                return false;
            }
            return pattern.matcher(anchored ? path : name).matches();
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
