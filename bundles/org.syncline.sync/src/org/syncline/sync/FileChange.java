package org.syncline.sync;

import java.util.List;

import org.syncline.core.chunk.ChunkRef;

/**
 * One change of a commit. {@code op} is {@link #PUT} (new content at path), {@link #DELETE} or {@link #RENAME}
 * (path moves to newPath, with the content it has; empty for the others). {@code base} is the revision the client changed (0: the
 * file is new to it); when the hub's current revision is another one, both are kept.
 */
public record FileChange(String op, String path, long base, String newPath, long size, String sha256, List<ChunkRef> chunks, String chunkList) {
    public static final String PUT = "put";
    public static final String DELETE = "delete";
    public static final String RENAME = "rename";

    /**
     * {@code chunkList}: the name of a list sent ahead ({@link SyncMessages#CHUNK_LIST_PUT}) when {@code chunks} is
     * left empty because the file's list is more than a commit may carry; "" when the chunks are here (a change from
     * an agent that does not know the field has none).
     */
    public FileChange {
        chunkList = chunkList == null ? "" : chunkList;
    }

    public static FileChange put(String path, long base, long size, String sha256, List<ChunkRef> chunks) {
        return new FileChange(PUT, path, base, "", size, sha256, chunks, "");
    }

    public static FileChange delete(String path, long base) {
        return new FileChange(DELETE, path, base, "", 0, "", List.of(), "");
    }

    public static FileChange rename(String path, long base, String newPath, long size, String sha256, List<ChunkRef> chunks) {
        return new FileChange(RENAME, path, base, newPath, size, sha256, chunks, "");
    }

    /** This change naming a list sent ahead instead of carrying its chunks. */
    public FileChange withChunkList(String name) {
        return new FileChange(op, path, base, newPath, size, sha256, List.of(), name);
    }

    /** This change carrying {@code list}, the chunks of the list it named. */
    public FileChange withChunks(List<ChunkRef> list) {
        return new FileChange(op, path, base, newPath, size, sha256, list, "");
    }
}
