package org.syncline.sync.internal.server;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.BlobStore;
import org.syncline.store.Database;
import org.syncline.sync.ChunkPack;

/**
 * Where the hub keeps chunks: those uploaded many to a request (small files) in {@link PackFiles}, one force per
 * pack; the others (large files, deltas) in the blob store, one file each. sync_chunks says which; its row is
 * written only once the bytes are on disk, so a row never names bytes the hub does not hold.
 */
final class ChunkStorage {
    private final Database db;
    private final BlobStore blobs;
    private final PackFiles packs;
    /**
     * Chunks lately recorded from packs (their rows committed), at most {@link #RECENT}, the oldest forgotten first: a
     * commit, which mostly follows its upload at once, takes them as held without looking their rows up a second time.
     * Only the purge deletes rows, under the hub's chunk gate as a commit runs, and it forgets what it frees.
     */
    private final Set<String> recent = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
            return size() > RECENT;
        }
    });
    /** Ten full packs: what a few agents upload ahead of their commits, at about 1 MiB of hashes. */
    static final int RECENT = 10 * ChunkPack.MAX_CHUNKS;

    ChunkStorage(Database db, BlobStore blobs, PackFiles packs) {
        this.db = db;
        this.blobs = blobs;
        this.packs = packs;
    }

    BlobStore blobs() {
        return blobs;
    }

    /** Whether the hub holds the chunk's bytes. */
    boolean holds(Connection c, String sha) throws SQLException {
        Optional<PackFiles.Slot> at = ChunkTable.location(c, sha);
        return at.isPresent() && (at.get().pack() != null || blobs.exists(sha));
    }

    /** Which of the chunks the hub holds the bytes of (the lookups many to a statement). */
    Set<String> held(Connection c, List<String> shas) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        for (PackFiles.Slot s : ChunkTable.locations(c, shas).values()) {
            if (s.pack() != null || blobs.exists(s.sha256())) {
                out.add(s.sha256());
            }
        }
        return out;
    }

    /**
     * As {@link #held}, for a commit: one that holds the hub's chunk gate, so that no purge runs before it ends. A chunk
     * lately recorded from a pack is held without a lookup (only the purge deletes rows, and it forgets those it frees).
     */
    Set<String> heldAtCommit(Connection c, List<String> shas) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        List<String> rest = new java.util.ArrayList<>();
        synchronized (recent) {
            for (String sha : shas) {
                (recent.contains(sha) ? out : rest).add(sha);
            }
        }
        out.addAll(held(c, rest));
        return out;
    }

    /** The chunk's bytes, checked against its hash as they are read. */
    InputStream open(String sha) {
        Optional<PackFiles.Slot> at = db.inTransaction(c -> ChunkTable.location(c, sha));
        return at.isPresent() && at.get().pack() != null ? packs.open(at.get()) : blobs.open(sha);
    }

    /**
     * The chunk's bytes, from where {@code at} (looked up before, or null) says, not hashed: for a client, which checks
     * every chunk of a download against its name and the file against its SHA-256 ({@link ChunkPack.Unpacking}, the
     * agent's download), so hashing here as well was a third pass over the same bytes (a tenth of the hub's CPU in a
     * large file's sync).
     */
    byte[] readForClient(String sha, PackFiles.Slot at) {
        if (at != null && at.pack() != null) {
            return packs.read(at);
        }
        try (InputStream in = blobs.openUnverified(sha)) {
            byte[] data = in.readNBytes(org.syncline.core.chunk.ChunkReader.MAX_SIZE + 1);
            if (data.length > org.syncline.core.chunk.ChunkReader.MAX_SIZE) {
                throw new SynclineException(ErrorCode.INTEGRITY, "The hub's blob " + sha + " is larger than a chunk can be; it is not a chunk.");
            }
            return data;
        } catch (java.io.IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The hub could not read chunk " + sha + " (" + e.getMessage() + ").", e);
        }
    }

    /** Writes the upload's chunks to a new pack, forced, then records them in one transaction; returns how many. */
    int storePack(ChunkPack.Reader reader) {
        List<PackFiles.Slot> slots = packs.write(reader);
        db.inTransaction(c -> {
            ChunkTable.recordPacked(c, slots, blobs::exists, SyncHub.now());
            return null;
        });
        synchronized (recent) {
            slots.forEach(s -> recent.add(s.sha256()));
        }
        return slots.size();
    }

    /**
     * After the rows of {@code freed} were deleted (committed), before the chunk gate opens again: their bytes go, a pack
     * once no row names it.
     */
    void release(List<PackFiles.Slot> freed) {
        synchronized (recent) {
            freed.forEach(s -> recent.remove(s.sha256()));
        }
        Set<String> touchedPacks = new TreeSet<>();
        for (PackFiles.Slot s : freed) {
            blobs.delete(s.sha256()); // a packed chunk may have a blob too (a delta stored it beside the pack)
            if (s.pack() != null) {
                touchedPacks.add(s.pack());
            }
        }
        for (String pack : touchedPacks) {
            if (!db.inTransaction(c -> ChunkTable.packInUse(c, pack))) {
                packs.delete(pack);
            }
        }
    }

    /** At start: removes torn and unnamed packs; returns how many files went. */
    int recover() {
        return packs.recover(db.inTransaction(ChunkTable::packs));
    }
}
