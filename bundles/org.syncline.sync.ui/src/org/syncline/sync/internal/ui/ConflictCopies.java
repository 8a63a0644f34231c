package org.syncline.sync.internal.ui;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conflict copies in a local directory: files named {@code name (conflict USER YYYY-MM-DD HHMMSS).ext}, next to
 * the original {@code name.ext}. The engine's own state ({@code .syncline}) is skipped.
 */
public final class ConflictCopies {
    private static final Pattern COPY = Pattern.compile("^(.*) \\(conflict (\\S+) (\\d{4}-\\d{2}-\\d{2} \\d{6})\\)(\\.[^.]*)?$");

    private ConflictCopies() {
    }

    /** One copy: the file, the original it belongs to, who made it and when (as the name says). */
    public record Copy(Path file, Path original, String user, String when) {
    }

    public static List<Copy> find(Path root) {
        List<Copy> copies = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return copies;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().startsWith(".syncline") && !dir.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        parse(file).ifPresent(copies::add);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // an unreadable tree has no copies we can show; the engine reports the directory itself
        }
        return copies;
    }

    static java.util.Optional<Copy> parse(Path file) {
        Matcher m = COPY.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String ext = m.group(4) == null ? "" : m.group(4);
        return java.util.Optional.of(new Copy(file, file.resolveSibling(m.group(1) + ext), m.group(2), m.group(3)));
    }
}
