package org.syncline.distribution;

import java.time.Instant;
import java.util.List;

/**
 * One measurement an agent took of its machine (Linux: from /proc). CPU is the whole machine's busy share
 * since the previous sample; memory used is total minus available; network is bytes per second since the
 * previous sample summed over every interface but loopback (-1 where /proc/net/dev does not exist); sessions
 * are the logged-in sessions of the agent's own endpoint; uptime is the agent process's. A sample with
 * {@code at} = {@link Instant#EPOCH} stands for "none yet".
 */
public record AgentSample(String agent, Instant at, double cpuPercent, long memoryUsed, long memoryTotal, List<DiskSpace> disks,
        long netInPerSecond, long netOutPerSecond, int sessions, long uptimeSeconds) {

    public AgentSample {
        disks = List.copyOf(disks);
    }

    public static AgentSample none(String agent) {
        return new AgentSample(agent, Instant.EPOCH, 0, 0, 0, List.of(), 0, 0, 0, 0);
    }

    public boolean isNone() {
        return Instant.EPOCH.equals(at);
    }

    public double memoryPercent() {
        return memoryTotal <= 0 ? 0 : 100.0 * memoryUsed / memoryTotal;
    }

    /** The fullest watched file system, in percent used. */
    public double diskPercent() {
        return disks.stream().mapToDouble(DiskSpace::usedPercent).max().orElse(0);
    }
}
