package org.syncline.sync.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.syncline.core.CountingOutputStream;
import org.syncline.core.ErrorCode;
import org.syncline.core.Failures;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.ChunkPack;
import org.syncline.sync.RemoteFile;
import org.syncline.sync.client.SyncClient;

/**
 * Writes a remote file's content into a temp file next to its target: chunks a synced local file already
 * holds are copied from it (and checked), the others fetched from the hub. The whole is checked against
 * the revision's SHA-256; the caller forces it to disk and renames it into place ({@link Placement}), many at a time.
 */
final class FileDownload {
    private final SyncClient client;
    private final String folder;
    private final Path root;
    private final Throttle throttle;
    private final SyncStats stats;

    FileDownload(SyncClient client, String folder, Path root, Throttle throttle, SyncStats stats) {
        this.client = client;
        this.folder = folder;
        this.root = root;
        this.throttle = throttle;
        this.stats = stats;
    }

    /**
     * Fetches in one request the chunks of {@code files} (small ones: together at most one {@link ChunkPack})
     * that no synced local file holds.
     */
    Map<String, byte[]> prefetch(List<RemoteFile> files, Map<String, LocalIndex.ChunkSource> sources) throws InterruptedException {
        List<String> wanted = files.stream().flatMap(r -> r.chunks().stream()).map(ChunkRef::sha256).filter(s -> !sources.containsKey(s))
                .distinct().toList();
        Map<String, byte[]> fetched = new HashMap<>();
        if (!wanted.isEmpty()) {
            client.getChunks(folder, wanted, fetched::put);
            long bytes = fetched.values().stream().mapToLong(d -> d.length).sum();
            throttle.take(bytes);
            stats.bytesDownloaded.addAndGet(bytes);
            stats.chunksDownloaded.addAndGet(fetched.size());
        }
        return fetched;
    }

    /**
     * Returns the temp file (in the target's directory, named so every scan ignores it). Chunks come from a
     * synced local file, else from {@code fetched}, else from the hub one by one.
     */
    Path fetch(RemoteFile r, Path target, Map<String, LocalIndex.ChunkSource> sources, Map<String, byte[]> fetched) throws IOException,
            InterruptedException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), LeftoverParts.PREFIX, ".tmp");
        boolean done = false;
        try {
            MessageDigest whole = Sha256.newDigest();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), whole)) {
                List<ChunkRef> chunks = r.chunks();
                // the next window comes from the hub while this one is written and hashed (one at a time, the hub and
                // this agent each waited for the other)
                int to = chunks.isEmpty() ? 0 : window(chunks, 0);
                FutureTask<Map<String, byte[]>> next = chunks.isEmpty() ? null : fetchAhead(chunks.subList(0, to), sources, fetched);
                try {
                    for (int from = 0; from < chunks.size();) {
                        Map<String, byte[]> got = result(next);
                        int after = to < chunks.size() ? window(chunks, to) : to;
                        next = to < chunks.size() ? fetchAhead(chunks.subList(to, after), sources, fetched) : null;
                        for (ChunkRef c : chunks.subList(from, to)) {
                            LocalIndex.ChunkSource src = sources.get(c.sha256());
                            byte[] ready = fetched.containsKey(c.sha256()) ? fetched.get(c.sha256()) : got.get(c.sha256());
                            if (ready != null) {
                                out.write(ready);
                            } else if (src == null || !copy(src, c, out)) {
                                // a local copy that no longer hashes to its chunk: that chunk alone from the hub
                                CountingOutputStream counted = new CountingOutputStream(out);
                                client.getChunk(folder, c.sha256(), counted);
                                throttle.take(counted.count());
                                stats.bytesDownloaded.addAndGet(counted.count());
                                stats.chunksDownloaded.incrementAndGet();
                            } else {
                                stats.chunksReused.incrementAndGet();
                            }
                        }
                        from = to;
                        to = after;
                    }
                } finally {
                    if (next != null) {
                        next.cancel(true); // a failure above: the window fetched ahead is not wanted
                    }
                }
                out.flush();
            }
            String sha = HexFormat.of().formatHex(whole.digest());
            if (!sha.equals(r.sha256())) {
                throw new SynclineException(ErrorCode.INTEGRITY, "'" + r.path() + "' arrived with SHA-256 " + sha + ", not " + r.sha256()
                        + "; it was not written and is fetched again at the next sync.");
            }
            done = true;
            return tmp;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The end of the run of chunks from {@code from} that one {@link ChunkPack} holds: at least one, at most its chunks and bytes. */
    static int window(List<ChunkRef> chunks, int from) {
        int to = from + 1;
        long bytes = chunks.get(from).length();
        while (to < chunks.size() && to - from < ChunkPack.MAX_CHUNKS && bytes + chunks.get(to).length() <= ChunkPack.MAX_BYTES) {
            bytes += chunks.get(to).length();
            to++;
        }
        return to;
    }

    /** Starts {@link #fetchWindow} on a thread of its own when it has anything to fetch. */
    private FutureTask<Map<String, byte[]>> fetchAhead(List<ChunkRef> window, Map<String, LocalIndex.ChunkSource> sources,
            Map<String, byte[]> fetched) {
        FutureTask<Map<String, byte[]>> task = new FutureTask<>(() -> fetchWindow(window, sources, fetched));
        if (window.stream().allMatch(c -> fetched.containsKey(c.sha256()) || sources.containsKey(c.sha256()))) {
            task.run(); // nothing to ask the hub for (a small file prefetched with others): no thread
        } else {
            Thread.ofVirtual().name("window-download").start(task);
        }
        return task;
    }

    /** The window's chunks once fetched; its failure as it was thrown there. */
    private static Map<String, byte[]> result(FutureTask<Map<String, byte[]>> task) throws IOException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Failures.rethrow(e.getCause());
            throw new IllegalStateException("a failed fetch without its cause", e);
        } catch (InterruptedException e) {
            task.cancel(true);
            throw e;
        }
    }

    /**
     * Fetches in one request the chunks of a window that neither {@code fetched} nor a synced local file holds: a large
     * file's ~16,000 chunks a GiB came one request each before.
     */
    private Map<String, byte[]> fetchWindow(List<ChunkRef> window, Map<String, LocalIndex.ChunkSource> sources, Map<String, byte[]> fetched)
            throws InterruptedException {
        List<String> wanted = window.stream().map(ChunkRef::sha256).filter(s -> !fetched.containsKey(s) && !sources.containsKey(s)).distinct()
                .toList();
        Map<String, byte[]> got = new HashMap<>();
        if (!wanted.isEmpty()) {
            client.getChunks(folder, wanted, got::put);
            long bytes = got.values().stream().mapToLong(d -> d.length).sum();
            throttle.take(bytes);
            stats.bytesDownloaded.addAndGet(bytes);
            stats.chunksDownloaded.addAndGet(got.size());
        }
        return got;
    }

    /** Copies a chunk from a synced local file when its bytes there still hash to it. */
    private boolean copy(LocalIndex.ChunkSource src, ChunkRef c, OutputStream out) throws IOException {
        byte[] data = new byte[c.length()];
        try (FileChannel in = FileChannel.open(root.resolve(src.path()), StandardOpenOption.READ)) {
            InputStream s = Channels.newInputStream(in.position(src.offset()));
            if (s.readNBytes(data, 0, data.length) != data.length || !Sha256.hex(data).equals(c.sha256())) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        out.write(data);
        return true;
    }
}
