package org.syncline.core;

import java.nio.file.Path;
import java.util.List;

/**
 * A path below some root, written with '/' separators, that cannot escape the root: no absolute path, no
 * '..' or '.' segment, no empty segment, no backslash, no control character.
 */
public record RelativePath(List<String> segments) {
    private static final int MAX_LENGTH = 4096;
    private static final int MAX_SEGMENT = 255;

    public RelativePath {
        segments = List.copyOf(segments);
    }

    public static RelativePath parse(String path) {
        if (path == null || path.isEmpty()) {
            throw invalid("", "the path is empty");
        }
        if (path.length() > MAX_LENGTH) {
            throw invalid(path, "it is longer than " + MAX_LENGTH + " characters");
        }
        if (path.startsWith("/")) {
            throw invalid(path, "it is absolute; give a path relative to the folder");
        }
        if (path.indexOf('\\') >= 0) {
            throw invalid(path, "it contains a backslash; use '/' between folders");
        }
        String[] parts = path.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw invalid(path, "it has an empty folder name");
            }
            if (part.equals(".") || part.equals("..")) {
                throw invalid(path, "it contains '" + part + "'");
            }
            if (part.length() > MAX_SEGMENT) {
                throw invalid(path, "a name in it is longer than " + MAX_SEGMENT + " characters");
            }
            for (int i = 0; i < part.length(); i++) {
                if (Character.isISOControl(part.charAt(i))) {
                    throw invalid(path, "it contains a control character");
                }
            }
        }
        return new RelativePath(List.of(parts));
    }

    /** Resolves below {@code root}; the result is guaranteed to stay inside it. */
    public Path resolveIn(Path root) {
        Path p = root;
        for (String s : segments) {
            p = p.resolve(s);
        }
        Path normalized = p.normalize();
        if (!normalized.startsWith(root.normalize())) {
            throw invalid(toString(), "it leads outside the folder");
        }
        return normalized;
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }

    private static SynclineException invalid(String path, String why) {
        return new SynclineException(ErrorCode.INVALID_PATH,
                "The path '" + Names.printable(path) + "' is refused: " + why + ".");
    }
}
