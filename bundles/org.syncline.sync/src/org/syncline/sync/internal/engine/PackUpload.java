package org.syncline.sync.internal.engine;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Predicate;

import org.syncline.core.ErrorCode;
import org.syncline.core.Failures;
import org.syncline.core.chunk.ChunkReader;
import org.syncline.core.chunk.ChunkRef;
import org.syncline.sync.ChunkPack;
import org.syncline.sync.client.SyncClient;

/**
 * Sends one large file's missing chunks in packs ({@link ChunkPack}: at most its bytes and chunks a request) instead of
 * one request a chunk: a 1 GiB file is ~16,000 chunks, which one by one took a minute on loopback. {@link #flush} after
 * the last chunk. One thread adds; the full pack goes on another while the next fills, so at most two are held.
 */
final class PackUpload {
    /** Where a finished pack goes: the hub's {@link SyncClient#putChunks}. */
    @FunctionalInterface
    interface Sender {
        void send(byte[] pack, int length);
    }

    private final Sender sender;
    private final Throttle up;
    private final SyncStats stats;
    private Pack pack = new Pack();
    private Pack spare = new Pack();
    /** The thread sending the last full pack, if any; what it failed with. Read after join. */
    private Thread sending;
    private Throwable failed;
    private long raw;
    private int count;
    private long chunks;
    private long wire;

    PackUpload(SyncClient client, String folder, Throttle up, SyncStats stats) {
        this((pack, length) -> client.putChunks(folder, pack, length), up, stats);
    }

    PackUpload(Sender sender, Throttle up, SyncStats stats) {
        this.sender = sender;
        this.up = up;
        this.stats = stats;
    }

    /**
     * Sends the chunks of {@code file} that {@code wanted} accepts, read where the scan's {@code chunks} (in file order)
     * put them and named by the scan's hashes: the scan already cut and hashed the file, and doing it again here made a
     * large file cost two reads and two hashings. A file that changed since shows as a chunk the hub refuses (it checks
     * every chunk against its hash, and stores nothing of that pack: {@link ErrorCode#INTEGRITY}) or a file that ends
     * early (EOFException); the caller fails the pass for it, and the next pass sends the file again. Then {@link #flush}.
     */
    void addFrom(Path file, List<ChunkRef> chunks, Predicate<String> wanted) throws IOException, InterruptedException {
        byte[] buf = new byte[ChunkReader.MAX_SIZE];
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long offset = 0;
            for (ChunkRef c : chunks) {
                if (c.length() > buf.length) {
                    throw new IOException(file + ": a chunk of " + c.length() + " bytes is larger than chunks are cut");
                }
                if (wanted.test(c.sha256())) {
                    ByteBuffer b = ByteBuffer.wrap(buf, 0, c.length());
                    while (b.hasRemaining()) {
                        if (in.read(b, offset + b.position()) < 0) {
                            throw new EOFException(file + " ends before the chunks the scan found in it");
                        }
                    }
                    add(c.sha256(), buf, c.length());
                }
                offset += c.length();
            }
        }
    }

    /** Adds a chunk; sends the pack first when the chunk would take it past its bytes or chunks. */
    void add(String sha256, byte[] data, int length) throws IOException, InterruptedException {
        if (count > 0 && (raw + length > ChunkPack.MAX_BYTES || count == ChunkPack.MAX_CHUNKS)) {
            send();
        }
        ChunkPack.write(pack, sha256, data, length);
        raw += length;
        count++;
    }

    /** Sends what was added since the last pack went, and returns once every pack is on the hub. */
    void flush() throws IOException, InterruptedException {
        send();
        await();
    }

    /**
     * Hands the pack to a sending thread and goes on filling the other: the file's next 4 MiB are read while the hub
     * takes, checks and forces the last ones (one pack at a time, the agent and the hub each waited for the other).
     */
    private void send() throws IOException, InterruptedException {
        if (count == 0) {
            return;
        }
        await();
        Pack full = pack;
        int n = count;
        pack = spare;
        spare = full;
        raw = 0;
        count = 0;
        sending = Thread.ofVirtual().name("pack-upload").start(() -> {
            try {
                sender.send(full.bytes(), full.size());
                up.take(full.size());
                stats.chunksUploaded.addAndGet(n);
                stats.bytesUploaded.addAndGet(full.size());
                chunks += n;
                wire += full.size();
            } catch (Throwable e) { // whatever it was, the upload must not go on as if the pack were on the hub
                failed = e;
            } finally {
                full.reset();
            }
        });
    }

    /** Waits for the pack in flight; its failure is this upload's (the same exception, so its code still tells). */
    private void await() throws IOException, InterruptedException {
        Thread t = sending;
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            t.join();
            throw e;
        }
        sending = null;
        Throwable e = failed;
        failed = null;
        Failures.rethrow(e);
    }

    /** Chunks sent so far. */
    long chunks() {
        return chunks;
    }

    /** Bytes sent so far (deflated, as they went). */
    long bytes() {
        return wire;
    }

    /** The pack as it is written, sent without a copy of its 4 MiB. */
    private static final class Pack extends ByteArrayOutputStream {
        byte[] bytes() {
            return buf;
        }
    }
}
