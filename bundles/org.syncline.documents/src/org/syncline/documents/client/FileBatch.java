package org.syncline.documents.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.syncline.core.BlockInputStream;
import org.syncline.documents.BatchFile;

/**
 * The content of a batch of files on disk as one stream: each file opened when the one before it is done, read in
 * pieces, and held to the length declared for it (a file that grew or shrank since fails the read, so the server
 * refuses the whole batch rather than register wrong bytes).
 */
final class FileBatch extends BlockInputStream {
    private final List<Path> files;
    private final long[] sizes;
    private int next;
    private InputStream current;
    private long left;

    FileBatch(List<Path> files) {
        this.files = List.copyOf(files);
        this.sizes = new long[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = BatchPlan.size(files.get(i));
        }
    }

    /** Each file's entry: its file name, its size now, and the metadata given for all of them. */
    static List<BatchFile> entries(List<Path> files, String author, String description, List<String> tags) {
        List<BatchFile> entries = new ArrayList<>();
        for (Path f : files) {
            entries.add(new BatchFile(f.getFileName().toString(), author, description, tags, BatchPlan.size(f)));
        }
        return entries;
    }

    /**
     * Fills {@code b} across file boundaries: the upload sends a frame whenever a read comes back short, so one file a
     * read sent a 4 KiB file as its own frame (100 frames a batch where 7 of 64 KiB carry it).
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = readFile(b, off + total, len - total);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    /** Up to {@code len} (at least 1) bytes of the current file, the next one opened when it is done; -1 after the last. */
    private int readFile(byte[] b, int off, int len) throws IOException {
        while (current == null || left == 0) {
            if (current != null) {
                endOf(next - 1);
            }
            if (next == files.size()) {
                return -1;
            }
            current = Files.newInputStream(files.get(next));
            left = sizes[next++];
        }
        int n = current.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new IOException(files.get(next - 1) + " is shorter than when the batch started (" + sizes[next - 1] + " bytes)");
        }
        left -= n;
        return n;
    }

    /** Closes the file just sent, after checking it has no more bytes than declared. */
    private void endOf(int index) throws IOException {
        try (InputStream done = current) {
            current = null;
            if (done.read() >= 0) {
                throw new IOException(files.get(index) + " grew since the batch started (" + sizes[index] + " bytes)");
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
