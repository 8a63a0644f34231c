package org.syncline.distribution.internal.server;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * A link's bandwidth cap as a token bucket: {@code bytesPerSecond} refill, a burst of a tenth of a second (at least
 * 8 KiB). Taking more than the bucket holds waits until the debt is paid. The clock and the wait are given, so the
 * arithmetic is tested without waiting.
 */
final class BandwidthCap {
    /** How the cap waits: {@link Thread#sleep(long, int)} in a run. */
    interface Pause {
        void nanos(long nanos) throws InterruptedException;
    }

    private static final int CHUNK = 8192;
    /** The most one write or read passes at a time: a 64 KiB piece, less when the burst is smaller. */
    private static final int MAX_PIECE = 65536;
    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final Pause pause;
    /** What one write or read passes at once: the fewer pieces, the fewer writes and wake-ups downstream. */
    private final int piece;
    private double tokens;
    private long last;

    BandwidthCap(long bytesPerSecond, LongSupplier nanoTime, Pause pause) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("A cap is a positive number of bytes per second.");
        }
        this.perNano = bytesPerSecond / 1e9;
        this.capacity = Math.max(CHUNK, bytesPerSecond / 10.0);
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.piece = (int) Math.min(MAX_PIECE, capacity);
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    static BandwidthCap of(long bytesPerSecond) {
        return new BandwidthCap(bytesPerSecond, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
    }

    /** Takes {@code bytes}, waiting as long as the cap needs to have let them through. */
    synchronized void take(long bytes) throws InterruptedException {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        tokens -= bytes;
        if (tokens < 0) {
            pause.nanos((long) Math.ceil(-tokens / perNano));
        }
    }

    /** {@code out} written no faster than the cap (a receiver that writes slower gives its sender less credit). */
    OutputStream throttle(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                pass(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int at = off, end = off + len; at < end;) {
                    int n = Math.min(piece, end - at);
                    pass(n);
                    out.write(b, at, n);
                    at += n;
                }
            }
        };
    }

    private void pass(int n) throws InterruptedIOException {
        try {
            take(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("The transfer was stopped.");
        }
    }

    /** {@code in} read no faster than the cap. */
    InputStream throttle(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    pass(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, Math.min(len, piece));
                if (n > 0) {
                    pass(n);
                }
                return n;
            }
        };
    }
}
