package org.syncline.sync;

import java.time.Instant;
import java.util.List;

import org.syncline.core.chunk.ChunkRef;

/** A file's current state on the hub, as {@code changes.since} reports it. */
public record RemoteFile(String path, long revision, boolean deleted, long size, String sha256, List<ChunkRef> chunks, String author,
        Instant time, long seq) {
}
