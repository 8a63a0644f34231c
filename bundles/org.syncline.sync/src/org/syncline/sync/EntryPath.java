package org.syncline.sync;

import java.nio.file.Path;

import org.syncline.core.RelativePath;
import org.syncline.core.Sha256;

/**
 * The path of a folder entry: a file ({@code docs/plan.txt}) or an empty directory, which is synced as an entry
 * of its own whose path ends in '/' ({@code docs/drafts/}), with no content (0 bytes, the SHA-256 of nothing).
 */
public final class EntryPath {
    public static final String DIRECTORY_SUFFIX = "/";
    /** The SHA-256 of no bytes: the content of a directory entry. */
    public static final String EMPTY_SHA256 = Sha256.hex(new byte[0]);

    private EntryPath() {
    }

    public static boolean isDirectory(String path) {
        return path != null && path.endsWith(DIRECTORY_SUFFIX);
    }

    /** The entry path checked like any {@link RelativePath} ('..', absolute, NUL refused), keeping a directory's '/'. */
    public static String normalize(String path) {
        if (isDirectory(path)) {
            return RelativePath.parse(path.substring(0, path.length() - 1)).toString() + DIRECTORY_SUFFIX;
        }
        return RelativePath.parse(path).toString();
    }

    /** Where the entry lives below {@code root}; never outside it. */
    public static Path resolveIn(String path, Path root) {
        return RelativePath.parse(isDirectory(path) ? path.substring(0, path.length() - 1) : path).resolveIn(root);
    }
}
