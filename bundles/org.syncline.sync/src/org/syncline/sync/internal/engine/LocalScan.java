package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.syncline.core.filename.PortableNames;
import org.syncline.core.ignore.IgnoreRules;
import org.syncline.sync.EntryPath;

/**
 * One walk over a pair's local folder: every regular file that is not ignored, by its '/'-separated path.
 * Symbolic links are not followed (they are reported), nor are names some member's system cannot hold
 * renamed: they are reported and synced as they are.
 */
final class LocalScan {
    /** What the walk found, and what it reports. */
    /** {@code emptyDirs}: directories with nothing synced in them, as entry paths ending in '/' ({@link EntryPath}). */
    record Result(Map<String, LocalFile> files, List<String> symlinks, List<String> nameProblems, Set<String> emptyDirs) {
    }

    private LocalScan() {
    }

    static IgnoreRules rules(Path root) {
        Path file = root.resolve(IgnoreRules.FILE_NAME);
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? IgnoreRules.parse(Files.readString(file)) : IgnoreRules.defaults();
        } catch (IOException e) {
            return IgnoreRules.defaults();
        }
    }

    static Result scan(Path root, IgnoreRules rules) throws IOException {
        Map<String, LocalFile> files = new TreeMap<>();
        List<String> symlinks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<Path, List<String>> namesByDir = new HashMap<>();
        Set<String> emptyDirs = new TreeSet<>();
        Map<Path, Integer> synced = new HashMap<>(); // per directory being walked: entries in it that are synced
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(root, dir);
                if (rules.isIgnored(rel, true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                note(dir, rel);
                synced.put(dir, 0);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                Integer inside = synced.remove(dir);
                if (inside == null) {
                    return FileVisitResult.CONTINUE;
                }
                if (inside == 0 && e == null) {
                    emptyDirs.add(relative(root, dir) + EntryPath.DIRECTORY_SUFFIX);
                }
                synced.computeIfPresent(dir.getParent(), (k, n) -> n + 1);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = relative(root, file);
                if (rules.isIgnored(rel, attrs.isDirectory())) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    symlinks.add(rel);
                } else if (attrs.isRegularFile()) {
                    note(file, rel);
                    synced.computeIfPresent(file.getParent(), (k, n) -> n + 1);
                    files.put(rel, new LocalFile(rel, attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // it went away while we walked: the next scan sees the truth
                return FileVisitResult.CONTINUE;
            }

            private void note(Path p, String rel) {
                String name = p.getFileName().toString();
                PortableNames.problem(name).ifPresent(why -> problems.add(rel + ": " + why));
                namesByDir.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(name);
            }
        });
        namesByDir.forEach((dir, names) -> PortableNames.caseCollisions(names).forEach(group -> problems.add(relativeOrRoot(root, dir)
                + ": " + String.join(" and ", group) + " differ only in case; Windows and macOS cannot hold both")));
        return new Result(files, symlinks, problems, emptyDirs);
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static String relativeOrRoot(Path root, Path dir) {
        return dir.equals(root) ? "." : relative(root, dir);
    }

    /** The state of one file now, or null when it is not a regular file. */
    static LocalFile stat(Path root, String path) {
        Path p = root.resolve(path);
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? new LocalFile(path, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
