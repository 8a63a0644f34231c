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
import java.util.function.Consumer;

import org.syncline.core.ignore.IgnoreRules;

/**
 * Watches a folder and every directory below it (NIO has no recursive watch on Linux: each new directory is
 * registered as it appears) and calls {@code onChange} with the path of anything that moves ('/'-separated, relative
 * to the folder), or with null when it cannot say what moved (a lost event, a directory it could not watch). The
 * engine debounces and scans those paths, so a lost event costs nothing but a walk of the folder. One file of the pair's own (ignored) state
 * directory can be followed as well ({@link #followState}), so the engine needs no timer to notice it.
 */
final class DirectoryWatcher implements AutoCloseable {
    private final Path root;
    private final Consumer<String> onChange;
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile IgnoreRules rules;
    private volatile WatchKey stateKey;
    private volatile String stateName;
    private volatile Runnable onState = () -> { };

    DirectoryWatcher(Path root, IgnoreRules rules, Consumer<String> onChange) throws IOException {
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

    /** Calls {@code changed} whenever the file {@code name} of {@code stateDir} is made, changed or removed. */
    void followState(Path stateDir, String name, Runnable changed) throws IOException {
        Files.createDirectories(stateDir);
        stateName = name;
        onState = changed;
        stateKey = stateDir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
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
                if (key == stateKey) {
                    followedState(key);
                    continue;
                }
                Path dir = dirs.get(key);
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                        onChange.accept(null);
                        continue;
                    }
                    Path child = dir.resolve((Path) e.context());
                    String rel = LocalScan.relative(root, child);
                    if (rel.equals(IgnoreRules.FILE_NAME)) {
                        rules = LocalScan.rules(root); // new rules: what they un-ignore is watched from the next new directory on, walked now
                        onChange.accept(null);
                        continue;
                    }
                    boolean isDir = Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (rules.isIgnored(rel, isDir)) {
                        continue;
                    }
                    if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && isDir) {
                        try {
                            registerTree(child);
                        } catch (IOException ex) {
                            // gone again, or not watchable (the system's limit of watches): the next pass walks it all
                            onChange.accept(null);
                        }
                    }
                    onChange.accept(rel);
                }
                if (!key.reset()) {
                    dirs.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void followedState(WatchKey key) {
        boolean mine = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            mine |= e.kind() == StandardWatchEventKinds.OVERFLOW || stateName.equals(String.valueOf(e.context()));
        }
        if (!key.reset()) {
            stateKey = null; // the state directory went away: the engine's rescans still look
            mine = true;
        }
        if (mine) {
            onState.run();
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
