package org.syncline.sync.internal.engine;

import java.util.concurrent.atomic.AtomicLong;

/** What an engine moved since it started: the counters the agent reports and tests read. */
public final class SyncStats {
    public final AtomicLong filesUploaded = new AtomicLong();
    public final AtomicLong chunksUploaded = new AtomicLong();
    public final AtomicLong bytesUploaded = new AtomicLong();
    public final AtomicLong filesDownloaded = new AtomicLong();
    public final AtomicLong chunksDownloaded = new AtomicLong();
    public final AtomicLong chunksReused = new AtomicLong();
    public final AtomicLong conflicts = new AtomicLong();
    /** Large files sent as a delta against their previous revision (their bytes are in {@link #bytesUploaded}). */
    public final AtomicLong deltaFiles = new AtomicLong();
    /** Large files received as a delta against the copy here (their bytes are in {@link #bytesDownloaded}). */
    public final AtomicLong deltaDownloads = new AtomicLong();
    /** Files and folders deleted here because they were deleted on the hub. */
    public final AtomicLong deletesApplied = new AtomicLong();
    /** Deletes made here that the hub committed (the file went to its trash). */
    public final AtomicLong deletesSent = new AtomicLong();
    /** Content and signature bytes that came from the hub. */
    public final AtomicLong bytesDownloaded = new AtomicLong();

    /** Files moved either way and deletes either way: what "syncing N files" counts. */
    public long filesSynced() {
        return filesUploaded.get() + filesDownloaded.get() + deletesApplied.get() + deletesSent.get();
    }

    /** The counters by the names the agent prints them under, in a fixed order. */
    public java.util.Map<String, Long> counters() {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("uploaded-files", filesUploaded.get());
        m.put("uploaded-chunks", chunksUploaded.get());
        m.put("uploaded-bytes", bytesUploaded.get());
        m.put("downloaded-files", filesDownloaded.get());
        m.put("downloaded-chunks", chunksDownloaded.get());
        m.put("reused-chunks", chunksReused.get());
        m.put("conflicts", conflicts.get());
        m.put("delta-files", deltaFiles.get());
        m.put("downloaded-bytes", bytesDownloaded.get());
        m.put("delta-downloads", deltaDownloads.get());
        m.put("deleted-here", deletesApplied.get());
        m.put("deleted-on-hub", deletesSent.get());
        return m;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        counters().forEach((k, v) -> b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
