package org.syncline.protocol.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.syncline.protocol.Frame;
import org.syncline.protocol.ProtocolConstants;

/**
 * The reading end of a stream. DATA frames arrive on the I/O thread and are queued; the chunks the reader
 * takes are paid back with CREDIT frames, a quarter window at a time, so at most {@link #window()} chunks
 * are ever buffered here, whatever the size of the stream.
 * <p>
 * The window starts at {@link ProtocolConstants#STREAM_WINDOW} and doubles, up to {@link #MAX_WINDOW},
 * whenever the reader waited longer than a local hiccup for data: then the data in flight, not the reader,
 * limits the stream, and a link with a long round trip would otherwise be capped at window / round trip.
 * A reader slower than the link never waits, and on loopback the waits are short, so there the window, and
 * the memory held for it, stays small (a larger one only filled the heap with queued buffers).
 */
public final class StreamReceiver extends InputStream {
    /** 256 chunks of 64 KiB: 16 MiB, the bandwidth-delay product of 2.6 Gbit/s at a 50 ms round trip. */
    public static final int MAX_WINDOW = 256;
    /** A wait for data shorter than this is scheduling noise on one machine, not a round trip. */
    static final long ROUND_TRIP_NANOS = 15_000_000;
    private static final byte[] EOF = new byte[0];
    private final long id;
    private final FrameSink sink;
    private final long timeoutMillis;
    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    /** Chunks the peer may send in all, and chunks it sent: the I/O thread refuses a chunk beyond the grant. */
    private volatile long granted = ProtocolConstants.STREAM_WINDOW;
    private long received;
    private volatile String failure;
    private volatile int window = ProtocolConstants.STREAM_WINDOW;
    /** Chunks taken but not yet paid back, chunks taken, and taken when the window last grew; reader thread only. */
    private int owed;
    private long taken;
    private long takenAtGrowth;
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
        if (received >= granted) {
            return false;
        }
        received++;
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

    /** The chunks the peer may have in flight now. */
    public int window() {
        return window;
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
            byte[] next = chunks.poll();
            if (next == null) {
                payOwed();
                long waitStart = System.nanoTime();
                try {
                    next = chunks.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                    if (next != null && next != EOF && System.nanoTime() - waitStart > ROUND_TRIP_NANOS) {
                        grow();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for stream data.");
                }
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
            // the reader has copied all of the previous chunk out: its array serves the decoder again
            ChunkPool.give(current);
            current = next;
            offset = 0;
            owed++;
            taken++;
            if (owed >= Math.max(1, window / 4)) {
                pay(owed);
            }
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

    /** The reader is about to wait: everything it took goes back to the sender now. */
    private void payOwed() {
        if (owed > 0) {
            pay(owed);
        }
    }

    /**
     * Doubles the window after the reader waited a round trip for data in the middle of a stream, at most
     * once per half window taken (roughly once per round trip, like TCP's slow start).
     */
    private void grow() {
        if (taken > 0 && taken - takenAtGrowth >= window / 2 && window < MAX_WINDOW) {
            int extra = Math.min(window, MAX_WINDOW - window);
            window += extra;
            takenAtGrowth = taken;
            pay(extra);
        }
    }

    private void pay(int chunks) {
        granted += chunks;
        owed = 0;
        sink.send(Frame.credit(id, chunks));
    }
}
