package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The temp files a transfer leaves in a pair's folder when the agent is killed mid-way ({@code .syncline-part-*}:
 * a download not yet renamed into place, a file taken out of place to be deleted). No program sees them (every scan
 * ignores them) and nothing else writes them, so a pass that starts with none of its own in flight removes them.
 */
final class LeftoverParts {
    static final String PREFIX = ".syncline-part-";

    private LeftoverParts() {
    }

    /** Removes them below {@code root} (not following links, not entering the agent's state directory); returns how many. */
    static int remove(Path root) throws IOException {
        int[] removed = new int[1];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && dir.getFileName().toString().startsWith(".syncline") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && file.getFileName().toString().startsWith(PREFIX) && Files.deleteIfExists(file)) {
                    removed[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return removed[0];
    }
}
