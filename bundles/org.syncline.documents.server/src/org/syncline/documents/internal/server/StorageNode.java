package org.syncline.documents.internal.server;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A place the registry keeps blobs: the node built into its own process, or a storage node that joined it.
 * Every method streams; none holds a whole blob in memory. Failures are SynclineExceptions naming the node.
 */
interface StorageNode {
    String name();

    /** Stores the bytes and returns their SHA-256 and size once the node has them on disk, verified. */
    StoredBlob store(InputStream content);

    /**
     * Stores a batch: blob {@code i} is the next {@code sizes.get(i)} bytes of {@code content}. Whole or nothing, forced to
     * disk together; returns what the node stored, in order (the caller checks each SHA-256 against what it sent).
     */
    java.util.List<StoredBlob> storeAll(java.util.List<Long> sizes, InputStream content);

    void read(String sha256, OutputStream out);

    boolean exists(String sha256);

    void delete(String sha256);

    /** Calls {@code each} with every blob the node holds, streamed as the node lists them. */
    void inventory(java.util.function.ObjLongConsumer<String> each);

    record StoredBlob(String sha256, long size) {
    }

    /** What a direct upload stored on a node: the node's own SHA-256 and size, and the first bytes (for the type). */
    record DirectUpload(String sha256, long size, byte[] head) {
    }
}
