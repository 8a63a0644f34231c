package org.syncline.distribution.internal.cli;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.syncline.distribution.JobRun;
import org.syncline.distribution.RunTarget;

/** A run of a job for people: one line of totals, then one line per target. */
final class RunText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private RunText() {
    }

    static String of(JobRun r) {
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(r.id()).append(" (").append(r.trigger()).append(r.path().isEmpty() ? "" : ", path " + r.path()).append(") by ")
                .append(r.by()).append(" at ").append(WHEN.format(r.started())).append(": ").append(r.state());
        if (r.finished()) {
            b.append(" in ").append(Duration.between(r.started(), r.ended()).toMillis()).append(" ms");
        }
        b.append("\n  created ").append(r.filesCreated()).append(" (").append(r.bytesCreated()).append(" B), updated ").append(r.filesUpdated())
                .append(" (").append(r.bytesUpdated()).append(" B), deleted ").append(r.filesDeleted()).append(", unchanged ")
                .append(r.filesUnchanged()).append(", failed ").append(r.filesFailed()).append("; content ").append(r.contentBytes())
                .append(" B, on the wire ").append(r.wireBytes()).append(" B");
        if (r.scans() > 0) {
            b.append("; scan bytes ").append(r.scanBytes()).append(" in ").append(r.scans()).append(" scan(s), ").append(r.incrementalScans())
                    .append(" answered with changes only");
        }
        if (!r.error().isEmpty()) {
            b.append("\n  error: ").append(r.error());
        }
        for (RunTarget t : r.targets()) {
            b.append("\n  ").append(t.server()).append(t.from().isEmpty() ? "" : " <- " + t.from()).append(": ").append(t.state()).append(", ")
                    .append(t.files()).append(" files, ").append(t.contentBytes()).append(" B content, ").append(t.wireBytes()).append(" B on the wire");
            if (!t.error().isEmpty()) {
                b.append(" (").append(t.error()).append(')');
            }
        }
        return b.toString();
    }
}
