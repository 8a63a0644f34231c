package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.syncline.core.ignore.IgnoreRules;

/**
 * Watches a folder and every directory below it (NIO has no recursive watch on Linux: each new directory is
 * registered as it appears) and calls {@code onChange} for anything that moves. The engine debounces and
 * rescans, so a lost event (overflow) costs nothing but a little delay.
 */
final class DirectoryWatcher implements AutoCloseable {
    private final Path root;
    private final Runnable onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile IgnoreRules rules;

    DirectoryWatcher(Path root, IgnoreRules rules, Runnable onChange) throws IOException {
        this.root = root;
        this.rules = rules;
        this.onChange = onChange;
        this.service = root.getFileSystem().newWatchService();
        registerTree(root);
        thread = new Thread(this::run, "sync-watch " + root.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    void rules(IgnoreRules value) {
        rules = value;
    }

    private void registerTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && rules.isIgnored(LocalScan.relative(root, dir), true)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dirs.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = dirs.get(key);
                boolean relevant = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                        relevant = true;
                        continue;
                    }
                    Path child = dir.resolve((Path) e.context());
                    String rel = LocalScan.relative(root, child);
                    boolean isDir = Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (rules.isIgnored(rel, isDir)) {
                        continue;
                    }
                    relevant = true;
                    if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && isDir) {
                        try {
                            registerTree(child);
                        } catch (IOException ex) {
                            // gone again already; the rescan settles it
                        }
                    }
                }
                if (!key.reset()) {
                    dirs.remove(key);
                }
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
