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
    /** Content and signature bytes that came from the hub. */
    public final AtomicLong bytesDownloaded = new AtomicLong();

    @Override
    public String toString() {
        return "uploaded-files=" + filesUploaded + " uploaded-chunks=" + chunksUploaded + " uploaded-bytes=" + bytesUploaded
                + " downloaded-files=" + filesDownloaded + " downloaded-chunks=" + chunksDownloaded + " reused-chunks=" + chunksReused
                + " conflicts=" + conflicts + " delta-files=" + deltaFiles + " downloaded-bytes=" + bytesDownloaded;
    }
}
