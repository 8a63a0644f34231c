package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent's watch over the source paths of its real-time jobs (folders below its distribution root): recursive
 * (new folders are watched as they appear), debounced (changes are reported once nothing changed for
 * {@link #QUIET_MS}, or at the latest after {@link #LONGEST_MS}), as paths relative to the root. A path newly
 * watched is reported as changed once, so what changed while nobody watched it is sent too; so is a whole
 * watched path when the system dropped events (overflow). Every rescan interval the watched paths are also walked
 * and compared with the last walk (size and modification time of each file), so a change the WatchService missed
 * (a network file system, a watch limit reached) is still reported; one it reported is not reported again.
 */
final class SourceWatcher implements AutoCloseable {
    static final long QUIET_MS = 200;
    static final long LONGEST_MS = 2000;
    private static final Logger LOG = Logger.getLogger(SourceWatcher.class.getName());
    private final ContentRoot root;
    private final Consumer<Set<String>> report;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Set<String> watched = new HashSet<>();
    private final Set<String> pending = new TreeSet<>();
    private final Thread thread;
    private final long rescanMillis;
    /** Per watched path: each file below it (relative to the root) and its size and modification time at the last look. */
    private final Map<String, Map<String, String>> looks = new java.util.concurrent.ConcurrentHashMap<>();
    private long lastRescan = System.currentTimeMillis();
    private long firstPending;
    private long lastEvent;

    /** @param rescan how often the watched paths are walked for changes the WatchService missed */
    SourceWatcher(ContentRoot root, Consumer<Set<String>> report, java.time.Duration rescan) throws IOException {
        this.rescanMillis = rescan.toMillis();
        this.root = root;
        this.report = report;
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::loop, "distribution-source-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches exactly {@code paths} (relative to the root) from now on; folders that do not exist yet are tried again next time. */
    synchronized void watch(Set<String> paths) {
        for (var it = keys.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            String rel = relative(e.getValue());
            if (paths.stream().noneMatch(p -> rel.equals(p) || rel.startsWith(p + "/"))) {
                e.getKey().cancel();
                it.remove();
            }
        }
        watched.retainAll(paths);
        looks.keySet().retainAll(paths);
        for (String p : paths) {
            Path dir = root.resolve(p);
            if (!watched.contains(p) && Files.isDirectory(dir)) {
                try {
                    register(dir);
                    looks.put(p, look(p));
                    watched.add(p);
                    changed(p); // a rescan: what changed while nobody watched
                } catch (IOException e) {
                    LOG.log(Level.INFO, "Cannot watch " + dir + ": " + e.getMessage());
                }
            }
        }
    }

    /** Forgets what is watched, so the next {@link #watch} watches every path again and reports each as changed. */
    synchronized void rescanLater() {
        keys.keySet().forEach(WatchKey::cancel);
        keys.clear();
        watched.clear();
        looks.clear();
    }

    /**
     * Files below the watched paths that appeared, went, or changed size or modification time since the last look
     * (paths relative to the root); this look is kept for the next time.
     */
    Set<String> missed() {
        Set<String> paths;
        synchronized (this) {
            paths = new TreeSet<>(watched);
        }
        Set<String> out = new TreeSet<>();
        for (String p : paths) {
            Map<String, String> now;
            try {
                now = look(p);
            } catch (IOException e) {
                LOG.log(Level.FINE, "Cannot rescan " + p, e);
                continue;
            }
            Map<String, String> before = looks.put(p, now);
            if (before == null) {
                continue;
            }
            now.forEach((f, stamp) -> {
                if (!stamp.equals(before.get(f))) {
                    out.add(f);
                }
            });
            before.keySet().stream().filter(f -> !now.containsKey(f)).forEach(out::add);
        }
        return out;
    }

    /** Every regular file below the watched path {@code p} (no temp files of runs), with its size and modification time. */
    private Map<String, String> look(String p) throws IOException {
        Map<String, String> out = new java.util.concurrent.ConcurrentHashMap<>(); // the watch thread updates it ({@link #seen})
        Path dir = root.resolve(p);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !ContentRoot.isPart(file.getFileName().toString())) {
                    out.put(relative(file), stamp(attrs));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone in between: the next look sees it as gone
            }
        });
        return out;
    }

    private static String stamp(BasicFileAttributes attrs) {
        return attrs.size() + "@" + attrs.lastModifiedTime().toMillis();
    }

    /** A change the WatchService reported: the next look does not report it again. */
    private void seen(Path file, String rel) {
        for (Map.Entry<String, Map<String, String>> e : looks.entrySet()) {
            if (rel.equals(e.getKey()) || rel.startsWith(e.getKey() + "/")) {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isRegularFile()) {
                        e.getValue().put(rel, stamp(attrs));
                    }
                } catch (IOException gone) {
                    e.getValue().remove(rel);
                }
            }
        }
    }

    private void register(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                keys.put(d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = service.poll(50, TimeUnit.MILLISECONDS);
                if (key != null) {
                    take(key);
                }
                if (System.currentTimeMillis() - lastRescan >= rescanMillis) {
                    lastRescan = System.currentTimeMillis();
                    Set<String> missed = missed();
                    if (!missed.isEmpty()) {
                        LOG.info(() -> "The rescan found " + missed.size() + " change(s) the watch missed");
                        synchronized (this) {
                            missed.forEach(this::changed);
                        }
                    }
                }
                flushIfQuiet();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The source watch stopped", e);
        }
    }

    private synchronized void take(WatchKey key) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                watched.forEach(this::changed);
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (ContentRoot.isPart(child.getFileName().toString())) {
                continue; // a write of a run in progress here
            }
            String rel = relative(child);
            changed(rel);
            seen(child, rel);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    register(child);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Cannot watch " + child, e);
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private void changed(String rel) {
        long now = System.currentTimeMillis();
        if (pending.isEmpty()) {
            firstPending = now;
        }
        pending.add(rel);
        lastEvent = now;
    }

    private void flushIfQuiet() {
        Set<String> out;
        synchronized (this) {
            long now = System.currentTimeMillis();
            if (pending.isEmpty() || (now - lastEvent < QUIET_MS && now - firstPending < LONGEST_MS)) {
                return;
            }
            out = new TreeSet<>(pending);
            pending.clear();
        }
        report.accept(out);
    }

    private String relative(Path p) {
        return root.path().relativize(p).toString().replace('\\', '/');
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            service.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the source watch", e);
        }
    }
}
