package org.syncline.sync.internal.engine;

import java.time.Duration;

/**
 * How an engine runs: the full rescan that catches what the watcher missed (default 10 minutes), how long
 * it waits for a burst of changes to settle, the bandwidth limits in bytes per second (0: none) and how many
 * transfers run side by side.
 */
public record EngineSettings(Duration rescan, Duration debounce, long uploadLimit, long downloadLimit, int parallel) {
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofMinutes(10), Duration.ofMillis(150), 0, 0, 4);
    }
}
