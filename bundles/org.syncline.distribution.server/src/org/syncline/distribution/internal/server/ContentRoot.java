package org.syncline.distribution.internal.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.syncline.core.AtomicFiles;
import org.syncline.core.ErrorCode;
import org.syncline.core.RelativePath;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.delta.Delta;
import org.syncline.core.delta.Patch;
import org.syncline.core.delta.Signature;

/**
 * An agent's distribution root: the folder jobs read from (on a source) and write into (on a target). Every
 * path is relative and checked ({@link RelativePath}); a file is replaced only through {@link Patch#apply},
 * which writes a temp file, verifies the SHA-256 and renames it into place. Compression is the hop's
 * ({@link HopCompression}: deflate or zstd at its level, 0: none).
 */
final class ContentRoot {
    /** The temp files of atomic writes ({@code .NAME*.part}): never reported, never sent. */
    private static final String PART = ".part";
    /** How long a delta asked to await a file this agent is about to receive waits for its arrival to start. */
    static final long AWAIT_MS = 30_000;
    private final Path root;
    private final ScanHashes hashes;
    private final Clock clock;
    private final Hasher hasher;
    /** Files arriving (or arrived) in a run with cut-through, by absolute path: their plain bytes as they land. */
    private final Map<Path, Arrival> arrivals = new ConcurrentHashMap<>();
    /** Told of each file a patch committed (its entry, path below the root) or a delete removed (null). */
    private volatile BiConsumer<String, Entry> written = (path, entry) -> {
    };

    /** A file arriving in run {@code run} in version {@code sha256}, its plain bytes followed in {@code plain}. */
    record Arrival(long run, String sha256, GrowingFile plain) {
    }

    /** How a scan hashes a file it does not know yet: a seam, so a test counts the hashes. */
    interface Hasher {
        String sha256(Path file) throws IOException;
    }

    /** A root whose scans remember their hashes in memory only (the agent keeps them on disk too: the other constructor). */
    ContentRoot(Path root) {
        this(root, new ScanHashes(null), Clock.systemUTC(), ContentRoot::sha256);
    }

    /**
     * @param hashes what earlier scans hashed: a scan hashes only files new, changed (size or modification time) or
     *               racy since ({@link ScanHashes})
     * @param clock  when a scan starts, against which the next one judges a file racy
     */
    ContentRoot(Path root, ScanHashes hashes, Clock clock, Hasher hasher) {
        this.root = root.toAbsolutePath().normalize();
        this.hashes = hashes;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** A regular file below a scanned folder. */
    record Entry(String path, long size, String sha256) {
    }

    /** From now on {@code listener} is told of each file a patch commits (path below the root, size, SHA-256) or a delete removes (null). */
    void onWrite(BiConsumer<String, Entry> listener) {
        written = listener;
    }

    /** The folder itself (absolute, normalised). */
    Path path() {
        return root;
    }

    /** Whether a file name is the temp file of an atomic write in progress. */
    static boolean isPart(String name) {
        return name.endsWith(PART);
    }

    /**
     * Deletes the temp files of atomic writes ({@code .NAME*.part}) a previous process of this agent left below the
     * root when it was killed mid-write; called when the agent starts, before any write of its own. Returns how many.
     */
    int dropLeftoverParts() throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int[] dropped = new int[1];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && name.startsWith(".") && name.endsWith(PART) && Files.deleteIfExists(file)) {
                    dropped[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return dropped[0];
    }

    Path resolve(String path) {
        return RelativePath.parse(path).resolveIn(root);
    }

    /**
     * Every regular file below {@code dir} (symbolic links are not followed), paths relative to it, sorted. A file
     * whose size and modification time are those the last scan of {@code dir} hashed, and not racy, keeps that hash.
     */
    List<Entry> scan(String dir) throws IOException {
        Path base = resolve(dir);
        long started = nanos(clock.instant());
        ScanHashes.Folder known = hashes.get(dir);
        Map<String, ScanHashes.Known> hashed = new HashMap<>();
        int[] fresh = new int[1]; // files hashed by this scan
        List<Entry> out = new ArrayList<>();
        if (Files.isRegularFile(base, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes attrs = Files.readAttributes(base, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            out.add(entry(base, "", attrs, known, hashed, fresh));
        } else if (Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && !(name.startsWith(".") && name.endsWith(PART))) {
                        out.add(entry(file, base.relativize(file).toString().replace('\\', '/'), attrs, known, hashed, fresh));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            out.sort(java.util.Comparator.comparing(Entry::path));
        }
        // nothing hashed and nothing gone: the folder keeps its earlier start, against which every hash it holds is trusted
        if (fresh[0] > 0 || hashed.size() != known.files().size()) {
            hashes.put(dir, new ScanHashes.Folder(started, hashed));
        }
        return out;
    }

    /** The file's entry: the hash the last scan knew when it still holds, else a new one (counted in {@code fresh}). */
    private Entry entry(Path file, String rel, BasicFileAttributes attrs, ScanHashes.Folder known, Map<String, ScanHashes.Known> hashed,
            int[] fresh) throws IOException {
        long modified = nanos(attrs.lastModifiedTime().toInstant());
        String sha = known.sha256(rel, attrs.size(), modified);
        if (sha == null) {
            sha = hasher.sha256(file);
            fresh[0]++;
        }
        hashed.put(rel, new ScanHashes.Known(attrs.size(), modified, sha));
        return new Entry(rel, attrs.size(), sha);
    }

    private static long nanos(java.time.Instant t) {
        return TimeUnit.SECONDS.toNanos(t.getEpochSecond()) + t.getNano();
    }

    /** The signature of the file (of an empty file when it is missing or not a regular file). */
    byte[] signature(String path) throws IOException {
        Path file = resolve(path);
        Signature sig = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Signature.of(file) : Signature.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sig.write(out);
        return out.toByteArray();
    }

    /** Writes the delta of the file against {@code signature} to {@code out}, compressed as the hop says. */
    void delta(String path, byte[] signature, HopCompression compression, String sha256, OutputStream out) throws IOException {
        delta(path, signature, compression, sha256, false, out);
    }

    /**
     * As {@link #delta(String, byte[], HopCompression, String, OutputStream)}; while the file still arrives here in
     * that version, its bytes are sent as they land and the stream ends only once it was checked and committed here
     * (it fails when it failed here). {@code await}: the master knows it is arriving, so its arrival is waited for.
     */
    void delta(String path, byte[] signature, HopCompression compression, String sha256, boolean await, OutputStream out) throws IOException {
        Path file = resolve(path);
        InputStream arriving = following(file, sha256, await);
        if (arriving == null && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "The file '" + path + "' is not here.");
        }
        Signature basis = Signature.read(new ByteArrayInputStream(signature));
        Delta.Stats stats;
        try (OutputStream sink = compression.compress(out); InputStream in = arriving != null ? arriving : Files.newInputStream(file)) {
            // a whole file arriving here is checked against sha256 before its stream ends (and again by the child):
            // it is not hashed a second time on its way out; a file read from its place is, to see it did not change
            stats = basis.blockCount() == 0 ? Delta.whole(in, sink, arriving != null ? sha256 : null) : Delta.write(basis, in, sink);
        } catch (IOException e) {
            if (arriving != null) {
                throw new SynclineException(ErrorCode.CONFLICT, "The file '" + path + "' did not arrive here whole (" + e.getMessage()
                        + "); it is not forwarded.", e);
            }
            throw e;
        }
        if (!stats.sha256().equals(sha256)) {
            throw new SynclineException(ErrorCode.CONFLICT, "The file '" + path + "' changed during the run; the next run sends it.");
        }
    }

    /**
     * The arriving bytes of the file in version {@code sha256}, or null when it is not arriving (read it as it is). An
     * arrival that failed here is waited past while {@code await}: the run re-planned after this agent's own source
     * dropped out brings the file again from another one (a child asked 51 ms before that new arrival began, and its
     * copy failed though the file came).
     */
    private InputStream following(Path file, String sha256, boolean await) throws IOException {
        long deadline = System.nanoTime() + (await ? AWAIT_MS * 1_000_000 : 0);
        synchronized (arrivals) {
            while (true) {
                Arrival a = arrivals.get(file);
                long left = deadline - System.nanoTime();
                if (a != null && a.sha256().equals(sha256)) {
                    if (!a.plain().failed()) {
                        return a.plain().follow(); // null: it arrived whole and was committed, so it is read from its place
                    }
                    if (left <= 0) {
                        throw new SynclineException(ErrorCode.CONFLICT, "The file '" + root.relativize(file) + "' failed its check here; it is not forwarded.");
                    }
                } else if (left <= 0) {
                    return null;
                }
                try {
                    arrivals.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("The transfer was stopped.");
                }
            }
        }
    }

    /** From now on the file's plain bytes, as {@link #patch} writes them in run {@code run}, can be followed. */
    void arriving(long run, String path, String sha256, GrowingFile plain) {
        synchronized (arrivals) {
            arrivals.put(resolve(path), new Arrival(run, sha256, plain));
            arrivals.notifyAll();
        }
    }

    /** Run {@code run} ended: its arrivals are forgotten. */
    void endArrivals(long run) {
        arrivals.values().removeIf(a -> a.run() == run);
    }

    /**
     * Applies a delta (compressed as the hop says) to the file, all or nothing, and returns the SHA-256 it now has.
     * {@code againstBasis}: the delta was made against this file's signature; else against nothing (a whole-file hop),
     * and the file here, if any, is replaced.
     */
    String patch(String path, InputStream delta, HopCompression compression, String sha256, boolean againstBasis) throws IOException {
        return patch(path, delta, compression, sha256, againstBasis, null);
    }

    /**
     * As {@link #patch(String, InputStream, HopCompression, String, boolean)}; a whole-file patch also writes the plain
     * bytes to {@code tee} as they are written here (null: to nowhere).
     */
    String patch(String path, InputStream delta, HopCompression compression, String sha256, boolean againstBasis, OutputStream tee)
            throws IOException {
        Path file = resolve(path);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
            throw new SynclineException(ErrorCode.CONFLICT, "'" + path + "' is a folder or a link here; it is left as it is.");
        }
        String got;
        // closing the decompressing stream frees its codec's memory; the delta stream is its caller's to close
        try (InputStream plain = compression.decompress(new java.io.FilterInputStream(delta) {
            @Override
            public void close() {
            }
        })) {
            if (againstBasis) {
                got = Patch.apply(file, plain, file);
            } else {
                String[] sha = new String[1];
                AtomicFiles.write(file, true, "", out -> sha[0] = Patch.apply((FileChannel) null, plain, tee == null ? out : both(out, tee)));
                got = sha[0];
            }
        }
        if (!got.equals(sha256)) {
            throw new SynclineException(ErrorCode.INTEGRITY, "The file '" + path + "' arrived as " + got + ", not " + sha256 + ".");
        }
        written.accept(path, new Entry(path, Files.size(file), got));
        return got;
    }

    /** Writes go to {@code first}, then to {@code second}. */
    private static OutputStream both(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                first.write(b);
                second.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                first.write(b, off, len);
                second.write(b, off, len);
            }
        };
    }

    boolean delete(String path) throws IOException {
        Path file = resolve(path);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new SynclineException(ErrorCode.CONFLICT, "'" + path + "' is a folder here; only files are deleted.");
        }
        boolean deleted;
        try {
            deleted = Files.deleteIfExists(file);
        } catch (NoSuchFileException e) {
            deleted = false;
        }
        written.accept(path, null);
        return deleted;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }
}
