package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.DiskSpace;

/** Samples on a real Derby database: batched writes, 1-minute averages, retention. */
class SampleStoreTest extends WithMonitoringDatabase {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static AgentSample sample(Instant at, double cpu, long memUsed, long free) {
        return new AgentSample("web-1", at, cpu, memUsed, 1000, List.of(new DiskSpace("/data", free, 2000)), 10, 20, 1, 60);
    }

    private SampleStore store(Instant now) {
        return new SampleStore(db, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(24), Duration.ofDays(30));
    }

    @Test
    void finishedMinutesAreAveragedAndRawSamplesPastRetentionAreDeleted() {
        SampleStore s = store(T0.plusSeconds(300));
        s.add("a1", sample(T0, 10, 100, 500));
        s.add("a1", sample(T0.plusSeconds(30), 30, 300, 700));
        s.add("a1", sample(T0.plusSeconds(60), 50, 500, 900));
        s.add("a2", sample(T0, 90, 900, 100));
        s.flush();
        assertEquals(0, s.queued());
        assertEquals(3, s.series("a1", "web-1", T0.minusSeconds(1)).samples().size());

        s.downsample();
        // a day later the raw rows are gone and the averages remain
        SampleStore later = store(T0.plus(Duration.ofHours(25)));
        later.downsample();
        SampleStore.Series minutes = later.series("a1", "web-1", T0.minusSeconds(1));
        assertEquals("minute", minutes.resolution());
        assertEquals(2, minutes.samples().size(), minutes.toString());
        AgentSample first = minutes.samples().get(0);
        assertEquals(T0, first.at());
        assertEquals(20.0, first.cpuPercent(), 0.001);
        assertEquals(200, first.memoryUsed());
        assertEquals(List.of(new DiskSpace("/data", 600, 2000)), first.disks());
        assertEquals(50.0, minutes.samples().get(1).cpuPercent(), 0.001);
        assertTrue(later.series("a1", "web-1", T0.plus(Duration.ofHours(2))).samples().isEmpty(), "raw rows past 24 h are deleted");

        // averaging again does not count a minute twice
        later.downsample();
        assertEquals(2, later.series("a1", "web-1", T0.minusSeconds(1)).samples().size());
        // after 30 days the averages go too
        SampleStore month = store(T0.plus(Duration.ofDays(31)));
        month.downsample();
        assertTrue(month.series("a1", "web-1", T0.minusSeconds(1)).samples().isEmpty());
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsThem() {
        SampleStore s = store(T0);
        for (int i = 0; i < SampleStore.QUEUE_LIMIT + 5; i++) {
            s.add("a1", sample(T0.plusMillis(i), 1, 1, 1));
        }
        assertEquals(SampleStore.QUEUE_LIMIT, s.queued());
        assertEquals(5, s.dropped());
    }
}
