package org.syncline.protocol.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.ProtocolConstants;

/**
 * What the streams of one session share for flow control: the measured round trip of the link, and a
 * budget for growing their credit windows.
 * <p>
 * The round trip is measured with a PING whose body is the sender's {@link System#nanoTime()}; the peer
 * echoes the body in its PONG. The smallest sample of the last one or two {@link #WINDOW_NANOS} counts: a PING
 * that waited behind queued DATA measures the queue, not the link. A peer that does not echo (an older
 * release) leaves the round trip unknown.
 * <p>
 * A PONG waits behind the DATA its sender has queued (on loopback a sample taken during an upload measured
 * 3-18 ms against a link of well under 1 ms), so a sample of an idle link is worth more than any taken
 * during a stream. The client measures one right after login and reports its smallest round trip in the
 * second half of its PINGs' body (at once whenever it fell by a quarter); the endpoint, which never pings at login (a client that is not ours reads
 * frames in order), takes such a report as a sample of its own.
 * <p>
 * The budget caps what the windows of all streams of the session may grow by together, so that many
 * streams cannot each grow to {@link StreamReceiver#MAX_WINDOW} (16 streams x 16 MiB would be 256 MiB):
 * each stream always has its initial {@link ProtocolConstants#STREAM_WINDOW} chunks, and growth beyond that
 * comes out of {@link #BUDGET} chunks per session.
 */
public final class SessionFlow {
    /** Chunks of window growth shared by all streams of a session: enough for one stream to reach the maximum. */
    public static final int BUDGET = StreamReceiver.MAX_WINDOW - ProtocolConstants.STREAM_WINDOW;
    /**
     * How long a minimum round trip stands before newer samples replace it: longer than the client's
     * keepalive interval (a third of the 90 s idle timeout), so that during a long upload the client's
     * reports (its PINGs are answered at once, nothing queued ahead) keep replacing the endpoint's own
     * samples, which wait behind the upload's data.
     */
    static final long WINDOW_NANOS = 60_000_000_000L;
    /** Pings for measuring are sent at most this often. */
    static final long PING_INTERVAL_NANOS = 1_000_000_000L;
    private static final long UNKNOWN = Long.MAX_VALUE;

    private final Consumer<Frame> sendPing;
    private final AtomicInteger budget = new AtomicInteger(BUDGET);
    private final AtomicLong lastPing = new AtomicLong(System.nanoTime() - 2 * PING_INTERVAL_NANOS);
    /** Minimum of the current and of the previous period of WINDOW_NANOS; guarded by this. */
    private long currentMin = UNKNOWN;
    private long previousMin = UNKNOWN;
    private long periodStart = System.nanoTime();

    /** @param sendPing writes a frame to the peer (a PING that the peer answers with a PONG) */
    public SessionFlow(Consumer<Frame> sendPing) {
        this.sendPing = sendPing;
    }

    /** A flow that cannot measure: no pings, round trip unknown (tests, sinks that are not sessions). */
    public static SessionFlow unmeasured() {
        return new SessionFlow(null);
    }

    /** A PING carrying the time it is sent and the smallest round trip measured so far (-1: none). */
    public Frame reportingPing() {
        return new Frame(FrameKind.PING, 0, "", ByteBuffer.allocate(16).putLong(System.nanoTime()).putLong(roundTripNanos()).array());
    }

    /** Takes the round trip a peer measured and reported in its PING, if it did. */
    public void ping(Frame ping) {
        if (ping.body().length == 16) {
            long reported = ByteBuffer.wrap(ping.body()).getLong(8);
            if (reported > 0) {
                sample(reported);
            }
        }
    }

    /** Sends a timed PING unless one went out within the last {@link #PING_INTERVAL_NANOS}. */
    public void pingIfDue() {
        long last = lastPing.get();
        long now = System.nanoTime();
        if (sendPing != null && now - last >= PING_INTERVAL_NANOS && lastPing.compareAndSet(last, now)) {
            sendPing.accept(reportingPing());
        }
    }

    /**
     * Takes the round trip from a PONG that echoed one of our timed PINGs; other PONGs are ignored. The
     * first sample, and any a quarter below the smallest so far, is reported to the peer at once in another
     * PING, whose PONG is another sample: right after login the first round trips run through code the JIT
     * has not compiled yet (3.6 ms measured on loopback, against 0.2 ms warm), and the peer would otherwise
     * keep that until the next keepalive. Each report needs a 25% drop, so there are few.
     */
    public void pong(Frame pong) {
        if (pong.body().length >= 8) {
            long before = roundTripNanos();
            sample(System.nanoTime() - ByteBuffer.wrap(pong.body()).getLong(0));
            long after = roundTripNanos();
            if (sendPing != null && after >= 0 && (before < 0 || after < before - before / 4)) {
                lastPing.set(System.nanoTime());
                sendPing.accept(reportingPing());
            }
        }
    }

    synchronized void sample(long nanos) {
        if (nanos < 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - periodStart > WINDOW_NANOS) {
            previousMin = currentMin;
            currentMin = UNKNOWN;
            periodStart = now;
        }
        currentMin = Math.min(currentMin, nanos);
    }

    /** The smallest recent round trip in nanoseconds, or -1 when none was measured. */
    public synchronized long roundTripNanos() {
        long min = Math.min(currentMin, previousMin);
        return min == UNKNOWN ? -1 : min;
    }

    /** Takes up to {@code chunks} of window growth from the session's budget; returns how many it got. */
    int take(int chunks) {
        while (true) {
            int left = budget.get();
            int got = Math.min(left, chunks);
            if (got <= 0) {
                return 0;
            }
            if (budget.compareAndSet(left, left - got)) {
                return got;
            }
        }
    }

    /** Gives back window growth of a stream that ended. */
    void give(int chunks) {
        if (chunks > 0) {
            budget.addAndGet(chunks);
        }
    }

    /** Chunks of growth still available to the session's streams. */
    public int budgetLeft() {
        return budget.get();
    }
}
