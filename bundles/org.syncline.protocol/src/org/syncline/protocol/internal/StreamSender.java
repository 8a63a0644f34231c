package org.syncline.protocol.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.syncline.core.BlockOutputStream;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.ProtocolConstants;

/**
 * The writing end of a stream: buffers one chunk, sends it as a DATA frame when full, and blocks while the
 * receiver has granted no credit. That wait is the backpressure: a slow reader slows the writer instead of
 * filling memory.
 */
public final class StreamSender extends BlockOutputStream {
    private final long id;
    private final FrameSink sink;
    private final long timeoutMillis;
    private final BooleanSupplier abandoned;
    private final Semaphore credits = new Semaphore(ProtocolConstants.STREAM_WINDOW);
    private byte[] buffer = new byte[ProtocolConstants.CHUNK_SIZE];
    private int filled;
    private boolean closed;

    public StreamSender(long id, FrameSink sink, long timeoutMillis, BooleanSupplier abandoned) {
        this.id = id;
        this.sink = sink;
        this.timeoutMillis = timeoutMillis;
        this.abandoned = abandoned;
    }

    public void credit(int chunks) {
        credits.release(chunks);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("The stream is already closed.");
        }
        while (len > 0) {
            if (filled == 0 && off == 0 && len == buffer.length && b.length == buffer.length) {
                // a whole chunk in an array of its own (Connection.upload reads into one) goes out as it is
                sendChunk(b, buffer.length);
                return;
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == buffer.length) {
                sendChunk(buffer, filled);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (filled > 0) {
            sendChunk(buffer, filled);
        }
    }

    /** Sends what is buffered and the END frame. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        sink.send(new Frame(FrameKind.END, id, "", null));
    }

    private void sendChunk(byte[] data, int length) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (!credits.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (abandoned.getAsBoolean()) {
                    throw new IOException("The receiver abandoned the transfer.");
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("The receiver took no data for " + timeoutMillis / 1000 + " s; the transfer was abandoned.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to send stream data.");
        }
        if (abandoned.getAsBoolean()) {
            throw new IOException("The receiver abandoned the transfer.");
        }
        // the sink is done with the body when send returns (FrameSink), so the buffer is refilled at once
        byte[] chunk = length == data.length ? data : java.util.Arrays.copyOf(data, length);
        if (data == buffer) {
            filled = 0;
        }
        sink.send(new Frame(FrameKind.DATA, id, "", chunk));
    }
}
