package org.syncline.protocol.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.syncline.protocol.Frame;
import org.syncline.protocol.ProtocolConstants;

/**
 * The reading end of a stream. DATA frames arrive on the I/O thread and are queued; each chunk the reader
 * takes is paid back with one CREDIT frame, so at most {@link ProtocolConstants#STREAM_WINDOW} chunks are
 * ever buffered here, whatever the size of the stream.
 */
public final class StreamReceiver extends InputStream {
    private static final byte[] EOF = new byte[0];
    private final long id;
    private final FrameSink sink;
    private final long timeoutMillis;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(ProtocolConstants.STREAM_WINDOW + 2);
    private volatile String failure;
    private byte[] current = new byte[0];
    private int offset;
    private boolean ended;

    public StreamReceiver(long id, FrameSink sink, long timeoutMillis) {
        this.id = id;
        this.sink = sink;
        this.timeoutMillis = timeoutMillis;
    }

    /** Called on the I/O thread. Returns false when the peer sent more than its credit allowed. */
    public boolean offerChunk(byte[] data) {
        return chunks.offer(data);
    }

    public void end() {
        chunks.offer(EOF);
    }

    /** Wakes the reader with an error: the peer aborted or the connection was lost. */
    public void fail(String why) {
        failure = why;
        chunks.clear();
        chunks.offer(EOF);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (offset >= current.length) {
            if (ended) {
                return -1;
            }
            byte[] next;
            try {
                next = chunks.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for stream data.");
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            if (next == null) {
                throw new IOException("No stream data arrived for " + timeoutMillis / 1000 + " s; the transfer was abandoned.");
            }
            if (next == EOF) {
                ended = true;
                return -1;
            }
            current = next;
            offset = 0;
            sink.send(Frame.credit(id, 1));
        }
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, b, off, n);
        offset += n;
        return n;
    }

    /** Reads to the end so that a handler that stopped early still lets the peer finish cleanly. */
    public void drain() {
        byte[] buf = new byte[ProtocolConstants.CHUNK_SIZE];
        try {
            while (read(buf, 0, buf.length) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the stream is being abandoned anyway
        }
    }
}
