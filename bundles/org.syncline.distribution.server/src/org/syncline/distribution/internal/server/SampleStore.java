package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.syncline.core.SynclineException;
import org.syncline.distribution.AgentSample;
import org.syncline.store.Database;

/**
 * Agents' samples in Derby. A reported sample is queued (bounded: when Derby falls behind, the oldest
 * queued samples are dropped and counted, so memory stays bounded) and written in batches, one transaction
 * per flush, so handling a sample never waits for a disk sync. A scheduled job averages every finished
 * minute and deletes raw samples past the raw retention (24 h) and averages past theirs (30 days).
 */
final class SampleStore {
    static final int QUEUE_LIMIT = 50_000;
    private static final Logger LOG = Logger.getLogger(SampleStore.class.getName());
    private final Database database;
    private final Clock clock;
    private final Duration rawRetention;
    private final Duration minuteRetention;
    private final BlockingQueue<SampleTable.Row> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
    private final AtomicLong dropped = new AtomicLong();

    SampleStore(Database database, Clock clock, Duration rawRetention, Duration minuteRetention) {
        this.database = database;
        this.clock = clock;
        this.rawRetention = rawRetention;
        this.minuteRetention = minuteRetention;
    }

    void add(String agentId, AgentSample sample) {
        SampleTable.Row row = new SampleTable.Row(agentId, sample);
        while (!queue.offer(row)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    int queued() {
        return queue.size();
    }

    long dropped() {
        return dropped.get();
    }

    /** Writes what is queued in one transaction; on failure the batch is logged and dropped (samples are not precious). */
    void flush() {
        List<SampleTable.Row> batch = new ArrayList<>();
        queue.drainTo(batch, 5_000);
        while (!batch.isEmpty()) {
            try {
                database.inTransaction(c -> {
                    SampleTable.insert(c, batch);
                    return null;
                });
            } catch (SynclineException e) {
                dropped.addAndGet(batch.size());
                LOG.warning(() -> "Writing " + batch.size() + " samples failed: " + e.getMessage());
            }
            batch.clear();
            queue.drainTo(batch, 5_000);
        }
    }

    /** Averages finished minutes not averaged yet, then deletes what is past retention. */
    void downsample() {
        long now = clock.millis();
        long lastFinished = now / 60_000 - 2; // a minute's samples may still sit in the queue for a second
        database.inTransaction(c -> {
            long done = SampleTable.lastAggregatedMinute(c);
            long from = done >= 0 ? done : SampleTable.firstRawMinute(c) - 1;
            if (from >= -1 && lastFinished > from) {
                SampleTable.aggregate(c, from, lastFinished);
            }
            SampleTable.purge(c, now - rawRetention.toMillis(), (now - minuteRetention.toMillis()) / 60_000);
            return null;
        });
    }

    /** Raw samples when {@code since} is within the raw retention, else 1-minute averages. */
    Series series(String agentId, String name, Instant since) {
        boolean raw = !since.isBefore(clock.instant().minus(rawRetention));
        return database.inTransaction(c -> raw ? new Series("raw", SampleTable.raw(c, agentId, name, since.toEpochMilli(), 20_000))
                : new Series("minute", SampleTable.minutes(c, agentId, name, since.toEpochMilli(), 50_000)));
    }

    record Series(String resolution, List<AgentSample> samples) {
    }
}
