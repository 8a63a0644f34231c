package org.syncline.sync.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.syncline.sync.ChunkPack;
import org.syncline.sync.client.SyncClient;

/**
 * Sends one large file's missing chunks in packs ({@link ChunkPack}: at most its bytes and chunks a request) instead of
 * one request a chunk: a 1 GiB file is ~16,000 chunks, which one by one took a minute on loopback. {@link #flush} after
 * the last chunk. One thread.
 */
final class PackUpload {
    private final SyncClient client;
    private final String folder;
    private final Throttle up;
    private final SyncStats stats;
    private final ByteArrayOutputStream pack = new ByteArrayOutputStream();
    private long raw;
    private int count;
    private long chunks;
    private long wire;

    PackUpload(SyncClient client, String folder, Throttle up, SyncStats stats) {
        this.client = client;
        this.folder = folder;
        this.up = up;
        this.stats = stats;
    }

    /** Adds a chunk; sends the pack first when the chunk would take it past its bytes or chunks. */
    void add(String sha256, byte[] data, int length) throws IOException, InterruptedException {
        if (count > 0 && (raw + length > ChunkPack.MAX_BYTES || count == ChunkPack.MAX_CHUNKS)) {
            flush();
        }
        ChunkPack.write(pack, sha256, data, length);
        raw += length;
        count++;
    }

    /** Sends what was added since the last pack went. */
    void flush() throws InterruptedException {
        if (count == 0) {
            return;
        }
        client.putChunks(folder, pack.toByteArray(), pack.size());
        up.take(pack.size());
        stats.chunksUploaded.addAndGet(count);
        stats.bytesUploaded.addAndGet(pack.size());
        chunks += count;
        wire += pack.size();
        pack.reset();
        raw = 0;
        count = 0;
    }

    /** Chunks sent so far. */
    long chunks() {
        return chunks;
    }

    /** Bytes sent so far (deflated, as they went). */
    long bytes() {
        return wire;
    }
}
