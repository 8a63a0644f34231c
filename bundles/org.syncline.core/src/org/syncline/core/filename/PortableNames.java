package org.syncline.core.filename;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names some member's file system cannot hold. A synced folder reports them instead of renaming or losing
 * the file: Windows refuses reserved device names, trailing dots and spaces and some characters; no
 * system takes '/' or NUL inside a name; case-insensitive systems (Windows, macOS) cannot keep two names that
 * differ only in case in one directory.
 */
public final class PortableNames {
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6",
            "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*\\";

    private PortableNames() {
    }

    /** Why some system cannot hold the file name {@code name} (one segment), or empty when every one can. */
    public static Optional<String> problem(String name) {
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            return Optional.of("'" + printable(name) + "' contains '/' or NUL, which no file system allows in a name");
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT).stripTrailing();
        if (RESERVED.contains(stem)) {
            return Optional.of("'" + printable(name) + "' is a reserved device name on Windows");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Optional.of("'" + printable(name) + "' ends with a dot or a space, which Windows drops");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 32 || WINDOWS_FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("'" + printable(name) + "' contains '" + (c < 32 ? "a control character" : String.valueOf(c))
                        + "', which Windows does not allow in a name");
            }
        }
        return Optional.empty();
    }

    /**
     * The names of one directory that a case-insensitive file system would take for the same file, in groups
     * of two or more, in the order given.
     */
    public static List<List<String>> caseCollisions(Collection<String> namesInOneDirectory) {
        Map<String, List<String>> byFolded = new LinkedHashMap<>();
        for (String n : namesInOneDirectory) {
            byFolded.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(n);
        }
        return byFolded.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
    }

    private static String printable(String s) {
        return org.syncline.core.Names.printable(s.replace('\0', '?'));
    }
}
