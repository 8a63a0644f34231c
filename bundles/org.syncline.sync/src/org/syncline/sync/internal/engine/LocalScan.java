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
import java.util.HashSet;
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
 * One walk over a pair's local folder, or a look at the paths that changed in it: every regular file that is not
 * ignored, by its '/'-separated path. Symbolic links are not followed (they are reported), nor are names some member's
 * system cannot hold renamed: they are reported and synced as they are.
 */
final class LocalScan {
    /**
     * What the walk found, and what it reports. {@code emptyDirs}: directories with nothing synced in them, as entry
     * paths ending in '/' ({@link EntryPath}). {@code scope}: the paths looked at (each with everything below it), null
     * when the whole folder was walked.
     */
    record Result(Map<String, LocalFile> files, List<String> symlinks, List<String> nameProblems, Set<String> emptyDirs, Set<String> scope) {
        /** Whether the scan looked at {@code path}: what it did not find there is gone. */
        boolean covers(String path) {
            return scope == null || within(scope, path);
        }
    }

    /** Whether {@code path} is one of {@code paths} or below one of them. */
    private static boolean within(Set<String> paths, String path) {
        if (paths.contains(path)) {
            return true;
        }
        for (int i = path.indexOf('/'); i > 0 && i < path.length() - 1; i = path.indexOf('/', i + 1)) {
            if (paths.contains(path.substring(0, i))) {
                return true;
            }
        }
        return false;
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

    /** Walks the whole folder. */
    static Result scan(Path root, IgnoreRules rules) throws IOException {
        Walk walk = new Walk(root, rules);
        Files.walkFileTree(root, walk);
        return walk.result(null);
    }

    /**
     * Looks at the {@code paths} that changed ('/'-separated, relative to the root): a file is read as it is now, a
     * directory walked with everything in it, a path that is not there found as nothing (what the index has there or
     * below is gone). The directories holding them are listed for names that differ only in case and for having
     * nothing synced left.
     */
    static Result scan(Path root, IgnoreRules rules, Set<String> paths) throws IOException {
        Walk walk = new Walk(root, rules);
        Set<String> scope = new TreeSet<>();
        for (String p : new TreeSet<>(paths)) { // in order: a path below one already taken is looked at with it
            if (!within(scope, p)) {
                scope.add(p);
            }
        }
        Set<Path> parents = new HashSet<>();
        for (String p : scope) {
            Path at = root.resolve(p);
            parents.add(at.getParent());
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // not there (any more): gone
            }
            if (a.isDirectory()) {
                Files.walkFileTree(at, walk);
            } else {
                walk.visitFile(at, a);
            }
        }
        for (Path dir : parents) {
            walk.lookInto(dir);
        }
        return walk.result(scope);
    }

    /** Collects what a walk visits; {@link #lookInto} adds a directory seen from inside only. */
    private static final class Walk extends SimpleFileVisitor<Path> {
        private final Path root;
        private final IgnoreRules rules;
        private final Map<String, LocalFile> files = new TreeMap<>();
        private final List<String> symlinks = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final Map<Path, List<String>> namesByDir = new HashMap<>();
        private final Set<String> emptyDirs = new TreeSet<>();
        private final Map<Path, Integer> synced = new HashMap<>(); // per directory being walked: entries in it that are synced

        Walk(Path root, IgnoreRules rules) {
            this.root = root;
            this.rules = rules;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            String rel = relative(root, dir);
            if (ignored(dir, rel, true)) {
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
            if (ignored(file, rel, attrs.isDirectory())) {
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

        /** Whether the rules ignore {@code p}: inside a directory this walk entered only its own name is matched. */
        private boolean ignored(Path p, String rel, boolean directory) {
            Path parent = p.getParent();
            return parent.equals(root) || synced.containsKey(parent) ? rules.isIgnoredInSyncedDirectory(rel, directory)
                    : rules.isIgnored(rel, directory);
        }

        private void note(Path p, String rel) {
            String name = p.getFileName().toString();
            PortableNames.problem(name).ifPresent(why -> problems.add(rel + ": " + why));
            namesByDir.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(name);
        }

        /**
         * The directory holding a changed path, listed: its names for case collisions (all of them, not only the
         * changed one's), and whether nothing synced is left in it. Not for the root or a directory not synced.
         */
        void lookInto(Path dir) throws IOException {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            String rel = dir.equals(root) ? "" : relative(root, dir);
            if (!rel.isEmpty() && rules.isIgnored(rel, true)) {
                return;
            }
            List<String> names = new ArrayList<>();
            boolean anySynced = false;
            try (java.nio.file.DirectoryStream<Path> in = Files.newDirectoryStream(dir)) {
                for (Path child : in) {
                    String childRel = relative(root, child);
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        continue;
                    }
                    if ((a.isDirectory() || a.isRegularFile()) && !rules.isIgnoredInSyncedDirectory(childRel, a.isDirectory())) {
                        names.add(child.getFileName().toString());
                        anySynced = true;
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                return;
            }
            namesByDir.put(dir, names);
            if (!anySynced && !rel.isEmpty()) {
                emptyDirs.add(rel + EntryPath.DIRECTORY_SUFFIX);
            }
        }

        Result result(Set<String> scope) {
            namesByDir.forEach((dir, names) -> PortableNames.caseCollisions(names).forEach(group -> problems.add(relativeOrRoot(root, dir)
                    + ": " + String.join(" and ", group) + " differ only in case; Windows and macOS cannot hold both")));
            return new Result(files, symlinks, problems, emptyDirs, scope);
        }
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
