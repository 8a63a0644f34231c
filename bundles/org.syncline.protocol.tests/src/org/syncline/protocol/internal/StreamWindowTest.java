package org.syncline.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.syncline.protocol.Frame;
import org.syncline.protocol.FrameKind;
import org.syncline.protocol.ProtocolConstants;

/** Window growth from the measured round trip, and the session-wide budget for it (no timings). */
class StreamWindowTest {
    private static final long MS = 1_000_000;

    @Test
    void onLoopbackTheWindowIsFarAboveTheBandwidthDelayProductSoItDoesNotGrow() {
        SessionFlow flow = SessionFlow.unmeasured();
        flow.sample(MS / 20); // 50 us round trip
        StreamReceiver r = new StreamReceiver(1, f -> { }, 10_000, flow);
        // 8 chunks in 0.8 ms (640 MB/s) while the reader waited 20 ms for scheduling reasons
        assertFalse(r.windowShortOfLink(20 * MS, 8, 8 * MS / 10));
    }

    @Test
    void onALongLinkAWindowLimitedStreamIsShortOfTheProduct() {
        SessionFlow flow = SessionFlow.unmeasured();
        flow.sample(50 * MS);
        StreamReceiver r = new StreamReceiver(1, f -> { }, 10_000, flow);
        // 16 chunks per 50 ms round trip: exactly the window in flight
        assertTrue(r.windowShortOfLink(MS, 8, 25 * MS));
    }

    @Test
    void withoutAMeasuredRoundTripOnlyLongWaitsCount() {
        StreamReceiver r = new StreamReceiver(1, f -> { }, 10_000, SessionFlow.unmeasured());
        assertFalse(r.windowShortOfLink(MS, 8, MS));
        assertTrue(r.windowShortOfLink(StreamReceiver.ROUND_TRIP_NANOS + 1, 8, MS));
    }

    @Test
    void theSmallestRecentRoundTripCountsAndOnlyEchoedTimedPingsAreSamples() {
        SessionFlow flow = SessionFlow.unmeasured();
        assertEquals(-1, flow.roundTripNanos());
        flow.pong(new Frame(FrameKind.PONG, 0, "", null));
        assertEquals(-1, flow.roundTripNanos(), "an older peer's empty PONG is no sample");
        flow.sample(5 * MS);
        flow.sample(2 * MS);
        flow.sample(9 * MS);
        assertEquals(2 * MS, flow.roundTripNanos());
        flow.pong(new Frame(FrameKind.PONG, 0, "", ByteBuffer.allocate(8).putLong(System.nanoTime()).array()));
        assertTrue(flow.roundTripNanos() < 2 * MS);
    }

    @Test
    void theFirstSampleIsReportedToThePeerWhichTakesItAsItsOwn() {
        java.util.List<Frame> sent = new java.util.ArrayList<>();
        SessionFlow client = new SessionFlow(sent::add);
        client.pingIfDue();
        assertEquals(1, sent.size());
        assertEquals(16, sent.get(0).body().length);
        assertEquals(-1, ByteBuffer.wrap(sent.get(0).body()).getLong(8), "nothing measured yet");
        client.pong(new Frame(FrameKind.PONG, 0, "", sent.get(0).body()));
        long rtt = client.roundTripNanos();
        assertTrue(rtt >= 0);
        assertEquals(2, sent.size(), "the first sample goes to the peer at once");
        SessionFlow server = SessionFlow.unmeasured();
        server.sample(5 * MS); // measured behind queued data
        server.ping(sent.get(1));
        assertEquals(Math.min(rtt, 5 * MS), server.roundTripNanos());
        server.ping(new Frame(FrameKind.PING, 0, "", null));
        assertEquals(Math.min(rtt, 5 * MS), server.roundTripNanos(), "an older client's PING reports nothing");
    }

    @Test
    void aRoundTripAQuarterBelowTheBestIsReportedAndALongerOneIsNot() {
        java.util.List<Frame> sent = new java.util.ArrayList<>();
        SessionFlow client = new SessionFlow(sent::add);
        client.sample(40 * MS); // a cold first round trip
        client.pong(pongSentAgo(20 * MS));
        assertEquals(1, sent.size(), "halved: reported");
        // the 20 ms sample, not the cold 40 ms one; the margin covers this thread being descheduled between
        // stamping the pong and reading it (it failed at 21 ms on a 2-core machine at load 20)
        assertTrue(ByteBuffer.wrap(sent.get(0).body()).getLong(8) < 30 * MS);
        client.pong(pongSentAgo(30 * MS));
        client.pong(pongSentAgo(18 * MS));
        assertEquals(1, sent.size(), "longer, or less than a quarter shorter: not reported");
    }

    private static Frame pongSentAgo(long nanos) {
        return new Frame(FrameKind.PONG, 0, "", ByteBuffer.allocate(16).putLong(System.nanoTime() - nanos).putLong(-1).array());
    }

    @Test
    void aSessionsStreamsShareOneBudgetForGrowth() {
        SessionFlow flow = SessionFlow.unmeasured();
        assertEquals(SessionFlow.BUDGET, flow.take(SessionFlow.BUDGET + 100));
        assertEquals(0, flow.take(1));
        flow.give(16);
        assertEquals(16, flow.take(64));
        // 16 streams x MAX_WINDOW chunks can never be granted: growth beyond the first windows is BUDGET at most
        assertTrue((16L * ProtocolConstants.STREAM_WINDOW + SessionFlow.BUDGET) * ProtocolConstants.CHUNK_SIZE <= 32L << 20);
    }

    @Test
    void aGrownWindowComesOutOfTheBudgetAndGoesBackWhenTheStreamCloses() throws Exception {
        SessionFlow flow = SessionFlow.unmeasured();
        flow.sample(1_000 * MS); // a long link: every wait of the reader means the window is short
        int[] credited = new int[1];
        StreamReceiver r = new StreamReceiver(1, f -> credited[0] += f.creditCount(), 10_000, flow);
        Thread reader = feedOneAtATimeToAWaitingReader(r, 3 * ProtocolConstants.STREAM_WINDOW);
        int grown = r.window() - ProtocolConstants.STREAM_WINDOW;
        assertTrue(grown > 0, "the window did not grow");
        assertEquals(SessionFlow.BUDGET - grown, flow.budgetLeft());
        // every chunk taken was paid back, plus the growth: the sender may now have the whole window in flight
        assertEquals(r.window(), ProtocolConstants.STREAM_WINDOW + credited[0] - 3 * ProtocolConstants.STREAM_WINDOW,
                "the growth was granted to the sender");
        r.close();
        assertEquals(SessionFlow.BUDGET, flow.budgetLeft());
        r.end();
        reader.join(10_000);
        assertEquals(SessionFlow.BUDGET, flow.budgetLeft(), "given back once only");
    }

    @Test
    void noWindowGrowsWhenTheSessionsBudgetIsSpent() throws Exception {
        SessionFlow flow = SessionFlow.unmeasured();
        flow.sample(1_000 * MS);
        flow.take(SessionFlow.BUDGET);
        StreamReceiver r = new StreamReceiver(1, f -> { }, 10_000, flow);
        Thread reader = feedOneAtATimeToAWaitingReader(r, 3 * ProtocolConstants.STREAM_WINDOW);
        assertEquals(ProtocolConstants.STREAM_WINDOW, r.window());
        r.end();
        reader.join(10_000);
    }

    /** Offers {@code n} chunks, each once the reader is parked waiting for it; returns the reader, still waiting. */
    private static Thread feedOneAtATimeToAWaitingReader(StreamReceiver r, int n) throws Exception {
        Thread reader = new Thread(() -> {
            try {
                r.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        });
        reader.start();
        for (int i = 0; i < n; i++) {
            while (reader.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            assertTrue(r.offerChunk(new byte[ProtocolConstants.CHUNK_SIZE]));
            // taken once the queue is empty: the reader then runs on to its next wait
            while (r.queued() > 0) {
                Thread.onSpinWait();
            }
        }
        while (reader.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        return reader;
    }
}
