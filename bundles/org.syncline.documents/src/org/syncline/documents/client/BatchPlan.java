package org.syncline.documents.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * How many files are sent: small ones together with {@link DocumentsClient#registerFiles} (one request and one
 * transaction a batch), larger ones alone with {@link DocumentsClient#register} (they may go straight to a storage node).
 * The CLI's {@code docs put} and the workbench's drop both plan this way.
 */
public final class BatchPlan {
    private BatchPlan() {
    }

    /**
     * The files in the units they are sent in: runs of small files (under 1 MiB) together, up to {@link #BATCH_FILES} files
     * or {@link #BATCH_BYTES} bytes, one request each; a larger file alone (it may go straight to a storage node).
     */
    public static List<List<Path>> of(List<Path> files) {
        List<List<Path>> units = new ArrayList<>();
        List<Path> batch = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            long size = size(f);
            boolean alone = size >= SMALL;
            if (!batch.isEmpty() && (alone || batch.size() == BATCH_FILES || bytes + size > BATCH_BYTES)) {
                units.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            if (alone) {
                units.add(List.of(f)); // in its place, so the documents come back in the order of the files
                continue;
            }
            batch.add(f);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            units.add(batch);
        }
        return units;
    }

    /** Files this small or smaller go in batches. */
    public static final long SMALL = 1 << 20;
    public static final int BATCH_FILES = 100;
    public static final long BATCH_BYTES = 8L << 20;

    /** The file's size now; NOT_FOUND, naming it, when it cannot be read. */
    static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "Could not read " + f + " (" + e.getMessage() + "); nothing was registered.", e);
        }
    }

}
