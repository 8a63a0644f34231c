package org.syncline.server;

import java.lang.management.ManagementFactory;

/** Where start-up time goes, logged once so a slow start can be explained from the log alone. */
final class StartupClock {
    private final StringBuilder laps = new StringBuilder("JVM and OSGi framework "
            + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
    private long last = System.nanoTime();

    void lap(String phase) {
        long now = System.nanoTime();
        laps.append(", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
        last = now;
    }

    String summary() {
        return "Ready " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after the JVM started (" + laps + ")";
    }
}
