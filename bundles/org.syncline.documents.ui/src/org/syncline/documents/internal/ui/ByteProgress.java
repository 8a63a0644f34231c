package org.syncline.documents.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.syncline.ui.Formats;

/**
 * Bytes moved, shown in the Progress view as they stream: one unit of work per KiB (a job's work is an int), and
 * the sub-task names the file and how far it is ("report.pdf (2 of 5): 12.4 MiB of 80.0 MiB"). Wraps the stream an upload
 * reads or a download writes; it holds no bytes itself.
 */
public final class ByteProgress {
    private final IProgressMonitor monitor;
    private String label = "";
    private long fileSize;
    private long fileDone;
    private long total;
    private long reportedKib;

    public ByteProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    /** The job's work in units of {@link #units}, for {@code beginTask}. */
    public static int units(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
    }

    /** The next file: its name and size, for the sub-task line. */
    public void file(String name, long size) {
        label = name;
        fileSize = size;
        fileDone = 0;
        monitor.subTask(line());
    }

    /** Counts what is read through it (every path, transferTo too: it is a plain InputStream over {@code in}). */
    public InputStream in(InputStream in) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    moved(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0) {
                    moved(n);
                }
                return n;
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Counts what is written through it. */
    public OutputStream out(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                moved(1);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                out.write(buf, off, len);
                moved(len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** Bytes seen so far, over every file. */
    public long total() {
        return total;
    }

    private void moved(long n) {
        fileDone += n;
        total += n;
        long kib = total / 1024;
        if (kib > reportedKib) {
            monitor.worked((int) (kib - reportedKib));
            reportedKib = kib;
            monitor.subTask(line());
        }
    }

    private String line() {
        return label + ": " + Formats.size(fileDone) + " of " + Formats.size(fileSize);
    }
}
