package org.syncline.distribution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;

/**
 * One run of a replication job, as the master logs it: who or what started it ({@code trigger}: {@code manual}, {@code cron}, {@code interval}, {@code realtime} or {@code recovery}),
 * the path it was limited to (empty: the whole job), when it started and ended ({@link Instant#EPOCH} while it
 * runs), its {@code state} ({@code running}, {@code ok}, {@code partial}: some targets failed or were left out,
 * {@code failed}, {@code interrupted}: the master stopped during it), files and bytes per operation counted per
 * target delivery, the bytes of content delivered against the bytes that travelled (delta and compression
 * saved the difference), the bytes of the agents' scan answers ({@code scanBytes}, both ways, in {@code scans}
 * scans, {@code incrementalScans} of them answered with the changes only), and the result of each target.
 */
public record JobRun(long id, String job, String trigger, String path, String by, Instant started, Instant ended, String state,
        long filesCreated, long bytesCreated, long filesUpdated, long bytesUpdated, long filesDeleted, long filesUnchanged, long filesFailed,
        long contentBytes, long wireBytes, long scanBytes, long scans, long incrementalScans, String error, List<RunTarget> targets) {
    public static final String RUNNING = "running";
    public static final String OK = "ok";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";
    public static final String INTERRUPTED = "interrupted";
    public static final String MANUAL = "manual";
    /** Started by the job's cron schedule ({@link Job#CRON}), its interval ({@link Job#INTERVAL}) or a change on the source ({@link Job#REALTIME}). */
    public static final String CRON = Job.CRON;
    public static final String INTERVAL = Job.INTERVAL;
    public static final String REALTIME = Job.REALTIME;
    /** Started to catch up targets that missed earlier runs (the job's recovery policy). */
    public static final String RECOVERY = "recovery";

    public JobRun {
        path = path == null ? "" : path;
        by = by == null ? "" : by;
        error = error == null ? "" : error;
        started = started == null ? Instant.EPOCH : started;
        ended = ended == null ? Instant.EPOCH : ended;
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** The scan fields, added after runs were first logged: a run an older master logged or sends has none. */
    private static final List<String> SCAN_FIELDS = List.of("scanBytes", "scans", "incrementalScans");

    /**
     * Reads a run as a master sends or stores it. A run from before scans were counted (kept in an older master's
     * database, or sent by an older master) lacks the scan fields, which the strict binding refuses: they read as 0.
     */
    public static JobRun read(JsonObject o) {
        if (SCAN_FIELDS.stream().allMatch(o::has)) {
            return Json.read(o, JobRun.class);
        }
        Map<String, Object> filled = new LinkedHashMap<>(o.map());
        SCAN_FIELDS.forEach(f -> filled.putIfAbsent(f, 0L));
        return Json.read(new JsonObject(filled), JobRun.class);
    }

    public boolean finished() {
        return !RUNNING.equals(state);
    }
}
