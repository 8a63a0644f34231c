package org.syncline.protocol.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.syncline.core.BlockInputStream;
import org.syncline.protocol.Frame;
import org.syncline.protocol.ProtocolConstants;

/**
 * The reading end of a stream. DATA frames arrive on the I/O thread and are queued; the chunks the reader
 * takes are paid back with CREDIT frames, a quarter window at a time, so at most {@link #window()} chunks
 * are ever buffered here, whatever the size of the stream.
 * <p>
 * The window starts at {@link ProtocolConstants#STREAM_WINDOW} and doubles, up to {@link #MAX_WINDOW},
 * when the reader had to wait for data and the window is less than twice the bandwidth-delay product: the
 * rate the reader takes chunks at times the round trip that {@link SessionFlow} measured with timed PINGs.
 * Then the data in flight, not the reader, limits the stream, and a link with a long round trip would
 * otherwise be capped at window / round trip. A reader slower than the link never waits, and on loopback
 * the round trip is a fraction of a chunk, so there the window, and the memory held for it, stays small.
 * (Growing whenever the reader waited longer than 15 ms, as before, took scheduling delays of a loaded
 * machine for round trips and grew loopback streams to 16 MiB, which filled a 64 MiB heap.) That rule is
 * kept only for a peer that does not echo timed PINGs. Growth comes out of the session's budget.
 */
public final class StreamReceiver extends BlockInputStream {
    /** 256 chunks of 64 KiB: 16 MiB, the bandwidth-delay product of 2.6 Gbit/s at a 50 ms round trip. */
    public static final int MAX_WINDOW = 256;
    /** A wait for data shorter than this is scheduling noise on one machine, not a round trip. */
    static final long ROUND_TRIP_NANOS = 15_000_000;
    private static final byte[] EOF = new byte[0];
    private final long id;
    private final FrameSink sink;
    private final long timeoutMillis;
    private final SessionFlow flow;
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
    /** When the chunk counted in takenAtGrowth was taken; reader thread only. */
    private long growthNanos;
    /** Guarded by this: set once the window's growth went back to the session's budget. */
    private boolean released;
    private byte[] current = new byte[0];
    private int offset;
    private boolean ended;

    /** A receiver that cannot measure the round trip (tests, sinks that are not sessions). */
    public StreamReceiver(long id, FrameSink sink, long timeoutMillis) {
        this(id, sink, timeoutMillis, SessionFlow.unmeasured());
    }

    public StreamReceiver(long id, FrameSink sink, long timeoutMillis, SessionFlow flow) {
        this.id = id;
        this.sink = sink;
        this.timeoutMillis = timeoutMillis;
        this.flow = flow;
        // a fresh round trip unless one was measured within the last second (the client pings at login);
        // later samples come when the reader starves, which is when the least data is queued ahead of the
        // PONG. (The endpoint does not ping at login: a client that is not ours reads frames in order.)
        flow.pingIfDue();
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
        release();
    }

    /** Gives the window's growth back to the session's budget; the handler is done with the stream. */
    @Override
    public void close() {
        release();
    }

    /** The session's smallest recent round trip in nanoseconds, or -1 when none was measured. */
    public long roundTripNanos() {
        return flow.roundTripNanos();
    }

    /** Chunks received and not yet taken by the reader. */
    int queued() {
        return chunks.size();
    }

    /** The chunks the peer may have in flight now. */
    public int window() {
        return window;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!nextChunk()) {
            return -1;
        }
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, b, off, n);
        offset += n;
        return n;
    }

    /** Makes {@code current} a chunk with bytes left, taking the next one when needed; false at the end. */
    private boolean nextChunk() throws IOException {
        while (offset >= current.length) {
            if (ended) {
                return false;
            }
            byte[] next = chunks.poll();
            if (next == null) {
                payOwed();
                flow.pingIfDue();
                long waitStart = System.nanoTime();
                try {
                    next = chunks.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                    if (next != null && next != EOF) {
                        grow(System.nanoTime() - waitStart);
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
                release();
                return false;
            }
            // the reader has copied all of the previous chunk out: its array serves the decoder again
            ChunkPool.give(current);
            current = next;
            offset = 0;
            owed++;
            if (taken++ == 0) {
                growthNanos = System.nanoTime();
            }
            if (owed >= Math.max(1, window / 4)) {
                pay(owed);
            }
        }
        return true;
    }

    /**
     * Writes the rest of the stream to {@code out} straight from the received chunks, without the copy into
     * an intermediate array that {@link InputStream#transferTo} makes ({@code Connection.download} uses
     * this). As with any {@code write}, {@code out} must not keep the array once the call returns: the
     * chunk goes back to the pool.
     */
    @Override
    public long transferTo(java.io.OutputStream out) throws IOException {
        long n = 0;
        while (nextChunk()) {
            int len = current.length - offset;
            out.write(current, offset, len);
            offset += len;
            n += len;
        }
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
     * Doubles the window after the reader waited {@code waited} ns for data in the middle of a stream, if
     * the window is short of the link's bandwidth-delay product; at most once per half window taken
     * (roughly once per round trip, like TCP's slow start), and only as far as the session's budget allows.
     */
    private synchronized void grow(long waited) {
        long sinceGrowth = taken - takenAtGrowth;
        if (released || taken == 0 || sinceGrowth < window / 2 || window >= MAX_WINDOW) {
            return;
        }
        long now = System.nanoTime();
        if (!windowShortOfLink(waited, sinceGrowth, now - growthNanos)) {
            return;
        }
        int extra = flow.take(Math.min(window, MAX_WINDOW - window));
        takenAtGrowth = taken;
        growthNanos = now;
        if (extra > 0) {
            window += extra;
            pay(extra);
        }
    }

    /**
     * True when the chunks in flight over one round trip at the rate of the last {@code chunks} chunks
     * (taken in {@code elapsed} ns) need at least half the window: the bandwidth-delay product.
     */
    boolean windowShortOfLink(long waited, long chunks, long elapsed) {
        long rtt = flow.roundTripNanos();
        if (rtt < 0) {
            // a peer that does not echo timed PINGs: the waits are all there is to go by
            return waited > ROUND_TRIP_NANOS;
        }
        return elapsed > 0 && 2.0 * chunks * rtt / elapsed >= window;
    }

    private synchronized void release() {
        if (!released) {
            released = true;
            flow.give(window - ProtocolConstants.STREAM_WINDOW);
        }
    }

    private void pay(int chunks) {
        granted += chunks;
        owed = 0;
        sink.send(Frame.credit(id, chunks));
    }
}
