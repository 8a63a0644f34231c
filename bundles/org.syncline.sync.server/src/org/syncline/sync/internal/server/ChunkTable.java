package org.syncline.sync.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of sync_chunks: which chunks the hub holds, and when a client last relied on each (an upload or a
 * "missing?" answer), so the purge never takes a chunk a commit is about to refer to. A chunk of a small file lives
 * in a pack file (pack, pack_offset; {@link PackFiles}), any other in the blob store (pack null).
 */
final class ChunkTable {
    private ChunkTable() {
    }

    /** Where the chunk is: a slot of a pack, or (pack null) the blob store; empty when the hub has no row for it. */
    static Optional<PackFiles.Slot> location(Connection c, String sha) throws SQLException {
        return Sql.one(c, "SELECT pack, pack_offset, size, sent_stored FROM sync_chunks WHERE sha256 = ?",
                rs -> new PackFiles.Slot(sha, rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getShort(4) == 1), sha);
    }

    /** Where each of the chunks the hub has a row for is, by hash (one statement per {@link Sql#IN_GROUP} hashes). */
    static java.util.Map<String, PackFiles.Slot> locations(Connection c, List<String> shas) throws SQLException {
        java.util.Map<String, PackFiles.Slot> out = new java.util.HashMap<>();
        for (PackFiles.Slot s : Sql.inGroups(c, "SELECT sha256, pack, pack_offset, size, sent_stored FROM sync_chunks WHERE sha256",
                rs -> new PackFiles.Slot(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getShort(5) == 1), shas)) {
            out.put(s.sha256(), s);
        }
        return out;
    }

    /**
     * Records the chunks just written to a pack (which is on disk already): a chunk held in another pack keeps that
     * place and is only touched; a chunk whose row names no bytes the hub still holds ({@code blobHeld} says whether
     * the blob store has them) moves to this pack. A new or moved row keeps whether the uploader sent the chunk stored. The lookups go {@link Sql#IN_GROUP} to a statement, the writes in
     * JDBC batches.
     */
    static void recordPacked(Connection c, List<PackFiles.Slot> slots, java.util.function.Predicate<String> blobHeld, Instant now)
            throws SQLException {
        java.util.Map<String, PackFiles.Slot> at = locations(c, slots.stream().map(PackFiles.Slot::sha256).toList());
        List<Object[]> inserts = new java.util.ArrayList<>();
        List<Object[]> touches = new java.util.ArrayList<>();
        List<Object[]> moves = new java.util.ArrayList<>();
        for (PackFiles.Slot slot : slots) {
            PackFiles.Slot old = at.get(slot.sha256());
            if (old == null) {
                inserts.add(new Object[] { slot.sha256(), slot.size(), now, slot.pack(), slot.offset(), slot.sentStored() });
            } else if (old.pack() != null || blobHeld.test(slot.sha256())) {
                touches.add(new Object[] { now, slot.sha256() });
            } else {
                moves.add(new Object[] { now, slot.size(), slot.pack(), slot.offset(), slot.sentStored(), slot.sha256() });
            }
        }
        Sql.batch(c, "INSERT INTO sync_chunks (sha256, size, touched, pack, pack_offset, sent_stored) VALUES (?, ?, ?, ?, ?, ?)", inserts);
        Sql.batch(c, "UPDATE sync_chunks SET touched = ? WHERE sha256 = ?", touches);
        Sql.batch(c, "UPDATE sync_chunks SET touched = ?, size = ?, pack = ?, pack_offset = ?, sent_stored = ? WHERE sha256 = ?", moves);
    }

    /** Every pack some row names. */
    static Set<String> packs(Connection c) throws SQLException {
        return new HashSet<>(Sql.list(c, "SELECT DISTINCT pack FROM sync_chunks WHERE pack IS NOT NULL", rs -> rs.getString(1)));
    }

    static boolean packInUse(Connection c, String pack) throws SQLException {
        return Sql.one(c, "SELECT 1 FROM sync_chunks WHERE pack = ? FETCH FIRST 1 ROWS ONLY", rs -> 1, pack).isPresent();
    }

    /** Marks chunks that have rows as relied on now. */
    static void touch(Connection c, java.util.Collection<String> shas, Instant now) throws SQLException {
        Sql.batch(c, "UPDATE sync_chunks SET touched = ? WHERE sha256 = ?", shas.stream().map(s -> new Object[] { now, s }).toList());
    }

    static void touch(Connection c, String sha, int size, Instant now) throws SQLException {
        if (Sql.update(c, "UPDATE sync_chunks SET touched = ? WHERE sha256 = ?", now, sha) == 0) {
            Sql.update(c, "INSERT INTO sync_chunks (sha256, size, touched) VALUES (?, ?, ?)", sha, size, now);
        }
    }

    /** Chunks no revision refers to and nobody relied on since {@code before}. */
    static List<PackFiles.Slot> unreferenced(Connection c, Instant before) throws SQLException {
        return Sql.list(c, "SELECT sha256, pack, pack_offset, size FROM sync_chunks k WHERE touched < ? AND NOT EXISTS"
                + " (SELECT 1 FROM sync_revision_chunks r WHERE r.chunk = k.sha256) AND NOT EXISTS (SELECT 1 FROM sync_revisions v WHERE v.chunk = k.sha256)",
                rs -> new PackFiles.Slot(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4)), before);
    }

    static void delete(Connection c, String sha) throws SQLException {
        Sql.update(c, "DELETE FROM sync_chunks WHERE sha256 = ?", sha);
    }
}
