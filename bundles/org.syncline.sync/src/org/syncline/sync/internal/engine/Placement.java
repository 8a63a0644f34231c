package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import org.syncline.core.AtomicFiles;

/**
 * Puts a batch of downloaded temp files in place, each all or nothing: every temp is forced to disk first (side by
 * side, none renamed yet), then each is renamed over its target, then each directory that received one is forced
 * once, so the renames are on disk before the index records them. A crash at any point leaves each target as it
 * was or whole, never torn; a temp that was not renamed (a failure) is deleted.
 */
final class Placement {
    /** The disk operations the order is made of: the seam tests count them through. */
    interface Disk {
        void force(Path file) throws IOException;

        /** An atomic rename that replaces the target. */
        void move(Path from, Path to) throws IOException;

        void forceDirectory(Path dir) throws IOException;
    }

    static final Disk DISK = new Disk() {
        @Override
        public void force(Path file) throws IOException {
            // fsync is per file, not per descriptor: a new one flushes what the writer left
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void forceDirectory(Path dir) {
            AtomicFiles.syncDirectory(dir);
        }
    };

    /** Puts one staged file in place with {@link Placement#move}; returns how many files it changed. */
    @FunctionalInterface
    interface Put<T> {
        int put(T staged, Placement placement) throws IOException, InterruptedException;
    }

    private final Disk disk;
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();

    private Placement(Disk disk) {
        this.disk = disk;
    }

    /**
     * Forces the temp of every item, then puts each, then forces each directory that received a file once; returns
     * the sum of what the puts returned. When a force fails nothing is renamed. The forces and the puts run side by
     * side on {@code on}, or one after the other in this thread when it is null.
     */
    static <T> int place(Disk disk, List<T> staged, Function<T, Path> temp, Put<T> put, ExecutorService on) throws IOException,
            InterruptedException {
        Placement placement = new Placement(disk);
        try {
            List<Callable<Integer>> forces = new ArrayList<>();
            for (T s : staged) {
                forces.add(() -> {
                    disk.force(temp.apply(s));
                    return 0;
                });
            }
            run(forces, on);
            List<Callable<Integer>> puts = new ArrayList<>();
            for (T s : staged) {
                puts.add(() -> put.put(s, placement));
            }
            try {
                return run(puts, on);
            } finally {
                // also after a failed put: the renames that happened are made durable
                for (Path dir : placement.directories) {
                    disk.forceDirectory(dir);
                }
            }
        } finally {
            for (T s : staged) {
                Files.deleteIfExists(temp.apply(s)); // renamed ones are gone already
            }
        }
    }

    private static int run(List<Callable<Integer>> tasks, ExecutorService on) throws IOException, InterruptedException {
        if (on != null) {
            return SyncPass.all(tasks, on);
        }
        int sum = 0;
        for (Callable<Integer> t : tasks) {
            try {
                sum += t.call();
            } catch (IOException | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        return sum;
    }

    /** Renames a forced temp over its target; its directory is forced once the batch is in place. */
    void move(Path temp, Path target) throws IOException {
        disk.move(temp, target);
        directories.add(target.getParent());
    }

    /**
     * A rename that is not a download's (a local file moved aside to a conflict copy): its directory is forced
     * with the batch's.
     */
    void moved(Path target) {
        directories.add(target.getParent());
    }
}
