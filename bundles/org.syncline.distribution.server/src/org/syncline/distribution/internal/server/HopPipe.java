package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;

import org.syncline.core.BlockInputStream;
import org.syncline.core.BlockOutputStream;

/**
 * The bytes of one pull on their way from its download to the patch that applies them, held in memory, at most
 * {@link #CHUNKS} writes' worth: a writer that gets ahead waits (so the download takes no more from the link, and
 * the parent is held back by the link's credit), a reader at the end waits for more. It replaces a spool file the
 * bytes were written to and read back from. The reader sees the end only once the writer {@link #end ended} it,
 * and an error once it was {@link #fail failed}; what the writer writes after the reader closed is dropped.
 */
final class HopPipe extends FollowedBytes {
    /** At most this many writes (each at most a bandwidth cap's piece or a protocol chunk: 64 KiB) wait for the reader. */
    static final int CHUNKS = 32;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private boolean drained;

    /** The writer's stream: each write is queued, waiting while the queue is full; a write after a failure throws. */
    OutputStream writer() {
        return new BlockOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return;
                }
                byte[] copy = java.util.Arrays.copyOfRange(b, off, off + len); // the caller reuses its array
                synchronized (HopPipe.this) {
                    while (chunks.size() >= CHUNKS && !failed() && !drained) {
                        pause();
                    }
                    throwIfFailed();
                    if (!drained) {
                        chunks.add(copy);
                    }
                    wrote(len);
                }
            }
        };
    }

    /** What is queued goes with the failure: neither side takes any more of it. */
    @Override
    synchronized void fail(String why) {
        super.fail(why);
        if (failed()) {
            chunks.clear();
        }
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
                        awaitMore(chunks::isEmpty);
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
}
