package org.syncline.core.filename;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name a conflict copy gets, so people recognise it next to the original:
 * {@code name (conflict USER YYYY-MM-DD HHMMSS).ext}. The extension stays last so the copy opens with the
 * same program; a dotfile ({@code .bashrc}) and a name without extension get the suffix at the end. Times are UTC.
 */
public final class ConflictName {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HHmmss").withZone(ZoneOffset.UTC);

    private ConflictName() {
    }

    /** The conflict copy's name for the file name {@code name} (one path segment). */
    public static String of(String name, String user, Instant time) {
        return of(name, user, time, 1);
    }

    /**
     * As {@link #of(String, String, Instant)}; {@code attempt} above 1 adds a number, for a second conflict
     * copy of the same file by the same user within one second.
     */
    public static String of(String name, String user, Instant time, int attempt) {
        String tag = " (conflict " + user + " " + STAMP.format(time) + (attempt > 1 ? " " + attempt : "") + ")";
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name + tag;
        }
        return name.substring(0, dot) + tag + name.substring(dot);
    }

    /** The same for a '/'-separated path: only its last segment changes. */
    public static String ofPath(String path, String user, Instant time, int attempt) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + of(path.substring(slash + 1), user, time, attempt);
    }
}
