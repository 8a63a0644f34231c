package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

import org.syncline.core.BlockInputStream;

/**
 * The bytes of one pull on their way from its download to the patch that applies them, held in memory, at most
 * {@link #CHUNKS} writes' worth: a writer that gets ahead waits (so the download takes no more from the link, and
 * the parent is held back by the link's credit), a reader at the end waits for more. It replaces a spool file the
 * bytes were written to and read back from. The reader sees the end only once the writer {@link #end ended} it,
 * and an error once it was {@link #fail failed}; what the writer writes after the reader closed is dropped.
 */
final class HopPipe {
    /** At most this many writes (each at most a bandwidth cap's piece or a protocol chunk: 64 KiB) wait for the reader. */
    static final int CHUNKS = 32;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long length;
    private boolean ended;
    private boolean drained;
    private String failure;

    /** The writer's stream: each write is queued, waiting while the queue is full; a write after a failure throws. */
    OutputStream writer() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return;
                }
                byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len); // the caller reuses its array
                synchronized (HopPipe.this) {
                    while (chunks.size() >= CHUNKS && failure == null && !drained) {
                        pause();
                    }
                    if (failure != null) {
                        throw new IOException(failure);
                    }
                    length += len;
                    if (!drained) {
                        chunks.add(copy);
                        HopPipe.this.notifyAll();
                    }
                }
            }
        };
    }

    /** The bytes written so far. */
    synchronized long length() {
        return length;
    }

    /** The writer is done: the reader reaches the end of the stream once it took what is queued. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The bytes are not good (or will never be complete): the reader and the writer get {@code why} as an error. */
    synchronized void fail(String why) {
        if (!ended && failure == null) {
            failure = why;
            chunks.clear();
        }
        notifyAll();
    }

    /** The reader's stream (there is one); closing it drops what is queued and what is still written. */
    InputStream reader() {
        return new BlockInputStream() {
            private byte[] current;
            private int at;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (current == null || at == current.length) {
                    synchronized (HopPipe.this) {
                        while (chunks.isEmpty() && failure == null && !ended) {
                            pause();
                        }
                        if (failure != null) {
                            throw new IOException(failure);
                        }
                        current = chunks.poll();
                        at = 0;
                        HopPipe.this.notifyAll();
                    }
                    if (current == null) {
                        return -1;
                    }
                }
                int n = Math.min(len, current.length - at);
                System.arraycopy(current, at, b, off, n);
                at += n;
                return n;
            }

            @Override
            public void close() {
                synchronized (HopPipe.this) {
                    drained = true;
                    chunks.clear();
                    HopPipe.this.notifyAll();
                }
            }
        };
    }

    /** Waits for the other side (holding this pipe's lock). */
    private void pause() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The transfer was stopped.");
        }
    }
}
