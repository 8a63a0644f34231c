package org.syncline.distribution.internal.cli;

import java.util.Locale;

import org.syncline.distribution.AgentSample;
import org.syncline.distribution.DiskSpace;

/** How the CLI writes a sample on one line. */
final class SampleText {
    private static final double MIB = 1024 * 1024;

    private SampleText() {
    }

    static String line(AgentSample s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s cpu %.1f%% mem %.0f/%.0f MiB", time(s), s.cpuPercent(),
                s.memoryUsed() / MIB, s.memoryTotal() / MIB));
        for (DiskSpace d : s.disks()) {
            b.append(String.format(Locale.ROOT, " disk %s %.0f/%.0f MiB free", d.path(), d.free() / MIB, d.total() / MIB));
        }
        b.append(String.format(Locale.ROOT, " net in %s out %s sessions %d up %d s", rate(s.netInPerSecond()), rate(s.netOutPerSecond()),
                s.sessions(), s.uptimeSeconds()));
        return b.toString();
    }

    static String time(AgentSample s) {
        return s.at().toString().substring(0, 19).replace('T', ' ');
    }

    private static String rate(long bytesPerSecond) {
        return bytesPerSecond < 0 ? "n/a" : bytesPerSecond + " B/s";
    }
}
