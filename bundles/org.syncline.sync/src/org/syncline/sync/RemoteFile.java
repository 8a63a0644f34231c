package org.syncline.sync;

import java.time.Instant;
import java.util.List;

import org.syncline.core.chunk.ChunkRef;

/**
 * A file's current state on the hub, as {@code changes.since} reports it. {@code chunks} is empty for a deleted
 * file and for files of {@link SyncMessages#DELTA_MIN_SIZE} bytes and more, whose list a client asks for only
 * when it needs the content ({@link SyncMessages#FILE_CHUNKS}): the client that sent the change has it already.
 */
public record RemoteFile(String path, long revision, boolean deleted, long size, String sha256, List<ChunkRef> chunks, String author,
        Instant time, long seq) {
    /** Whether the chunk list was left out (ask {@link SyncMessages#FILE_CHUNKS}). */
    public boolean chunksLeftOut() {
        return !deleted && size > 0 && chunks.isEmpty();
    }

    public RemoteFile withChunks(List<ChunkRef> list) {
        return new RemoteFile(path, revision, deleted, size, sha256, list, author, time, seq);
    }
}
