package org.syncline.documents.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.BlobStore;

/** The storage node built into a process that is registry and storage at once (the demo): its own blob store. */
final class LocalNode implements StorageNode {
    private final String name;
    private final BlobStore blobs;
    private final java.nio.file.Path dir;

    LocalNode(String name, BlobStore blobs, java.nio.file.Path dir) {
        this.name = name;
        this.blobs = blobs;
        this.dir = dir;
    }

    @Override
    public String name() {
        return name;
    }

    BlobStore blobs() {
        return blobs;
    }

    @Override
    public StoredBlob store(InputStream content) {
        String sha = blobs.put(content);
        return new StoredBlob(sha, blobs.size(sha));
    }

    @Override
    public java.util.List<StoredBlob> storeAll(java.util.List<Long> sizes, InputStream content) {
        java.util.List<String> shas = blobs.putAll(sizes, content);
        java.util.List<StoredBlob> stored = new java.util.ArrayList<>();
        for (int i = 0; i < shas.size(); i++) {
            stored.add(new StoredBlob(shas.get(i), sizes.get(i)));
        }
        return stored;
    }

    @Override
    public void read(String sha256, OutputStream out) {
        try (InputStream in = blobs.open(sha256)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Sending the content failed (" + e.getMessage() + ").", e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return blobs.exists(sha256);
    }

    @Override
    public void delete(String sha256) {
        blobs.delete(sha256);
    }

    @Override
    public void inventory(java.util.function.ObjLongConsumer<String> each) {
        BlobFolder.list(dir, each);
    }
}
