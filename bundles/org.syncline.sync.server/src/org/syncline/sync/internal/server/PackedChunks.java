package org.syncline.sync.internal.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Principal;
import org.syncline.protocol.Right;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;
import org.syncline.sync.ChunkPack;
import org.syncline.sync.internal.server.FolderAccess.Checked;

/**
 * Many chunks per request, both ways ({@link ChunkPack}). An upload's chunks are written to the blob store
 * side by side, because each blob is forced to disk and concurrent forces share the file system's journal
 * commits; their rows are then recorded in one transaction. A download checks in one transaction that every
 * chunk asked for belongs to a file of the folder.
 */
final class PackedChunks {
    /**
     * Chunks being written at once, on platform threads (a virtual thread forcing a file holds its carrier);
     * also bounds the memory an upload holds (each chunk is at most 256 KiB).
     */
    private static final int WRITERS = 12;

    private final Database db;
    private final BlobStore chunks;

    PackedChunks(Database db, BlobStore chunks) {
        this.db = db;
        this.chunks = chunks;
    }

    /** Stores every chunk of the pack, each verified against its hash; returns how many. */
    int store(Principal p, String folder, InputStream pack) throws IOException {
        db.inTransaction(c -> FolderAccess.require(c, p, folder, Right.WRITE));
        ChunkPack.Reader reader = new ChunkPack.Reader(pack);
        Map<String, Integer> stored = new LinkedHashMap<>();
        List<Future<?>> writes = new ArrayList<>();
        Semaphore slots = new Semaphore(2 * WRITERS);
        long bytes = 0;
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS, PackedChunks::writer)) {
            try {
                for (ChunkPack.Entry e; (e = reader.next()) != null;) {
                    SyncHub.requireSha(e.sha256());
                    bytes += e.data().length;
                    if (stored.size() >= ChunkPack.MAX_CHUNKS || bytes > ChunkPack.MAX_BYTES) {
                        throw new SynclineException(ErrorCode.BAD_REQUEST, "A chunk pack holds at most " + ChunkPack.MAX_CHUNKS + " chunks of "
                                + ChunkPack.MAX_BYTES + " bytes in all; send the rest in another.");
                    }
                    stored.put(e.sha256(), e.data().length);
                    slots.acquire();
                    ChunkPack.Entry entry = e;
                    writes.add(writers.submit(() -> {
                        try {
                            chunks.put(new ByteArrayInputStream(entry.data()), entry.sha256());
                        } finally {
                            slots.release();
                        }
                    }));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while storing chunks", e);
            } finally {
                awaitAll(writes);
            }
        }
        db.inTransaction(c -> {
            for (Map.Entry<String, Integer> e : stored.entrySet()) {
                ChunkTable.touch(c, e.getKey(), e.getValue(), SyncHub.now());
            }
            return null;
        });
        return stored.size();
    }

    /** Writes the chunks asked for, in that order, each deflated. */
    void send(Principal p, String folder, List<String> shas, OutputStream out) throws IOException {
        if (shas.size() > ChunkPack.MAX_CHUNKS) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "Ask for at most " + ChunkPack.MAX_CHUNKS + " chunks at a time, not " + shas.size() + ".");
        }
        shas.forEach(SyncHub::requireSha);
        db.inTransaction(c -> {
            Checked f = FolderAccess.require(c, p, folder, Right.READ);
            for (String sha : shas) {
                if (!RevisionTable.folderHasChunk(c, f.folder().id(), sha)) {
                    throw new SynclineException(ErrorCode.NOT_FOUND, "No file of folder '" + folder + "' has chunk " + sha + ".");
                }
            }
            return null;
        });
        for (String sha : shas) {
            byte[] data;
            try (InputStream in = chunks.open(sha)) {
                data = in.readNBytes(org.syncline.core.chunk.ChunkReader.MAX_SIZE + 1);
                in.transferTo(OutputStream.nullOutputStream()); // reading to the end verifies the blob's hash
            }
            ChunkPack.write(out, sha, data, data.length);
        }
    }

    private static Thread writer(Runnable r) {
        Thread t = new Thread(r, "sync chunk writer");
        t.setDaemon(true);
        return t;
    }

    /** Waits for every write; the first failure (an integrity or disk error) fails the upload. */
    private static void awaitAll(List<Future<?>> writes) throws IOException {
        RuntimeException first = null;
        for (Future<?> f : writes) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new SynclineException(ErrorCode.STORAGE,
                            "A chunk could not be stored (" + e.getCause() + ").", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while storing chunks", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
