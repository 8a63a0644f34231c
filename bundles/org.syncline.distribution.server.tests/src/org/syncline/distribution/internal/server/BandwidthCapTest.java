package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The cap's arithmetic on a clock the test moves: the waits it asks for add up to size over rate. */
class BandwidthCapTest {
    private long now = 1_000_000_000L;
    private final List<Long> waits = new ArrayList<>();

    private BandwidthCap cap(long perSecond) {
        return new BandwidthCap(perSecond, () -> now, n -> {
            waits.add(n);
            now += n;
        });
    }

    @Test
    void aBurstWithinTheBucketPassesAtOnce() throws Exception {
        BandwidthCap c = cap(1_000_000);
        c.take(100_000); // a tenth of a second's worth
        assertEquals(List.of(), waits);
        c.take(1);
        assertEquals(1, waits.size());
    }

    @Test
    void aStreamThroughTheCapTakesSizeOverRate() throws Exception {
        BandwidthCap c = cap(1024 * 1024);
        byte[] data = new byte[4 * 1024 * 1024];
        new Random(1).nextBytes(data);
        long start = now;
        byte[] read;
        try (InputStream in = c.throttle(new ByteArrayInputStream(data))) {
            read = in.readAllBytes();
        }
        assertArrayEquals(data, read, "the bytes pass unchanged");
        double seconds = (now - start) / 1e9;
        // 4 MiB at 1 MiB/s, less the first burst of a tenth of a second
        assertTrue(seconds >= 3.85 && seconds <= 4.0, seconds + " s");
    }

    @Test
    void aCappedWritePassesDownstreamIn64KiBPiecesOrTheBurstWhenThatIsSmaller() throws Exception {
        for (long[] c : new long[][] { {20_000_000, 65536}, {100_000, 10_000}, {10_000, 8192} }) {
            List<Integer> writes = new ArrayList<>();
            try (java.io.OutputStream out = cap(c[0]).throttle(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    writes.add(1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    writes.add(len);
                }
            })) {
                out.write(new byte[1_000_000]);
            }
            assertEquals(1_000_000, writes.stream().mapToInt(Integer::intValue).sum());
            assertEquals((int) c[1], writes.get(0), "cap " + c[0]);
            assertEquals((1_000_000 + c[1] - 1) / c[1], writes.size(), "cap " + c[0]);
        }
    }

    @Test
    void idleTimeRefillsNoMoreThanTheBurst() throws Exception {
        BandwidthCap c = cap(1_000_000);
        now += 60_000_000_000L; // a minute idle
        c.take(300_000);
        long waited = waits.stream().mapToLong(Long::longValue).sum();
        assertEquals(200_000_000L, waited, 1_000, "100 kB from the bucket, 200 kB at the rate");
    }
}
