package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.syncline.distribution.AgentSample;
import org.syncline.distribution.DiskSpace;

/**
 * Measures this machine from /proc (Linux): CPU busy share since the last call (/proc/stat), memory total and
 * available (/proc/meminfo), bytes per second in and out since the last call summed over every interface
 * except loopback (/proc/net/dev), and each watched path's file system. Where /proc is missing, CPU and
 * memory come from the JVM's operating-system bean and network is -1 (not measured); nothing is estimated.
 */
final class HostProbe {
    private static final Path STAT = Path.of("/proc/stat");
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path NETDEV = Path.of("/proc/net/dev");
    private final List<Path> watched;
    private long lastBusy = -1;
    private long lastTotal = -1;
    private long lastRx = -1;
    private long lastTx = -1;
    private long lastNetNanos;

    HostProbe(List<Path> watched) {
        this.watched = List.copyOf(watched);
    }

    AgentSample measure(String agent, int sessions) {
        double cpu = cpu();
        long[] mem = memory();
        long[] net = network();
        List<DiskSpace> disks = new ArrayList<>();
        for (Path p : watched) {
            try {
                FileStore fs = Files.getFileStore(p);
                disks.add(new DiskSpace(p.toString(), fs.getUsableSpace(), fs.getTotalSpace()));
            } catch (IOException e) {
                disks.add(new DiskSpace(p.toString(), 0, 0));
            }
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime() / 1000;
        return new AgentSample(agent, java.time.Instant.now(), cpu, mem[0], mem[1], disks, net[0], net[1], sessions, uptime);
    }

    private double cpu() {
        try {
            String line = Files.readAllLines(STAT).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long busy = total - idle;
            double pct = lastTotal < 0 || total == lastTotal ? 0 : 100.0 * (busy - lastBusy) / (total - lastTotal);
            lastBusy = busy;
            lastTotal = total;
            return Math.max(0, Math.min(100, pct));
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? Math.max(0, os.getCpuLoad() * 100) : 0;
        }
    }

    /** used, total in bytes. */
    private static long[] memory() {
        try {
            long total = -1;
            long available = -1;
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemTotal:")) {
                    total = kib(line);
                } else if (line.startsWith("MemAvailable:")) {
                    available = kib(line);
                }
            }
            if (total > 0 && available >= 0) {
                return new long[] {total - available, total};
            }
        } catch (IOException | RuntimeException e) {
            // below
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new long[] {os.getTotalMemorySize() - os.getFreeMemorySize(), os.getTotalMemorySize()};
        }
        return new long[] {0, 0};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }

    /** in, out bytes per second; -1 when /proc/net/dev cannot be read, 0 on the first call. */
    private long[] network() {
        long rx = 0;
        long tx = 0;
        try {
            for (String line : Files.readAllLines(NETDEV)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                if (line.substring(0, colon).trim().equals("lo")) {
                    continue;
                }
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                rx += Long.parseLong(f[0]);
                tx += Long.parseLong(f[8]);
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        long now = System.nanoTime();
        long[] rate = {0, 0};
        if (lastRx >= 0 && now > lastNetNanos) {
            double seconds = (now - lastNetNanos) / 1e9;
            rate[0] = Math.max(0, Math.round((rx - lastRx) / seconds));
            rate[1] = Math.max(0, Math.round((tx - lastTx) / seconds));
        }
        lastRx = rx;
        lastTx = tx;
        lastNetNanos = now;
        return rate;
    }
}
