package org.syncline.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.syncline.core.Sha256;

/**
 * A fingerprint of a folder's head at a cursor: how many live entries (files and empty directories) it has and
 * an order-free sum of the SHA-256 of each one's path and revision. A client whose index gives the same
 * fingerprint holds the same paths at the same revisions, so it need not read the hub's whole file list.
 */
public record HeadDigest(long cursor, long entries, String digest) {
    /** Adds entries up, in any order. */
    public static final class Sum {
        private long entries;
        private long high;
        private long low;

        public Sum add(String path, long revision) {
            byte[] sha = Sha256.newDigest().digest((path + "\n" + revision).getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(sha);
            high += b.getLong();
            low += b.getLong();
            entries++;
            return this;
        }

        public HeadDigest at(long cursor) {
            return new HeadDigest(cursor, entries, HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low));
        }
    }

    /** Whether both name the same entries at the same revisions (the cursors may differ). */
    public boolean sameEntries(HeadDigest other) {
        return other != null && entries == other.entries && digest.equals(other.digest);
    }
}
