package org.syncline.distribution;

/** How fast the master handles agents' samples: handling time percentiles over the last samples, in microseconds. */
public record IngestStats(long samples, long p50Micros, long p99Micros, long maxMicros, int queued, long dropped, long heapUsed) {
}
