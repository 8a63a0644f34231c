package org.syncline.distribution.internal.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobTarget;

import picocli.CommandLine.Option;

/** The flags of {@code job create} and {@code job edit}; in an edit, only the flags given change the job. */
final class JobOptions {
    @Option(names = "--source", paramLabel = "SERVER", description = "the server the job copies from")
    String source;
    @Option(names = "--path", paramLabel = "PATH", description = "a path on the source, relative to its distribution root (repeatable)")
    List<String> paths;
    @Option(names = "--target", paramLabel = "KIND:NAME:PATH", description = "server:NAME:PATH, group:REGION/GROUP:PATH, region:NAME:PATH "
            + "or tag:TAG:PATH (repeatable)")
    List<String> targets;
    @Option(names = "--include", paramLabel = "PATTERN", description = "only paths matching: a glob (*.mpg, [1-5]abc, a??bc) or re:REGEX (repeatable)")
    List<String> includes;
    @Option(names = "--exclude", paramLabel = "PATTERN", description = "never paths matching (repeatable)")
    List<String> excludes;
    @Option(names = "--ops", paramLabel = "LIST", description = "operations passed on: create,update,delete,move,erase or all "
            + "(default create,update,delete,move)")
    String ops;
    @Option(names = "--type-tag", paramLabel = "PATTERN=TAG", description = "files matching go only to servers tagged TAG (repeatable)")
    List<String> typeTags;
    @Option(names = "--realtime", description = "run on every change the source sees")
    boolean realtime;
    @Option(names = "--manual", description = "run only when asked (the default)")
    boolean manual;
    @Option(names = "--cron", paramLabel = "EXPR", description = "run on a cron schedule: 'MIN HOUR DOM MON DOW' or @daily etc.")
    String cron;
    @Option(names = "--interval", paramLabel = "DURATION", description = "run every DURATION: 90s, 15m, 2h, 1d (at least 1m)")
    String interval;
    @Option(names = "--window", paramLabel = "HH:MM-HH:MM", description = "scheduled runs only inside this daily window (e.g. 22:00-06:00)")
    String window;
    @Option(names = "--retry", paramLabel = "N", description = "retries of a failed target per run (default 3)")
    Integer retry;
    @Option(names = "--recovery", paramLabel = "POLICY", description = "catching up a target that missed a run: immediate (default), scheduled or manual")
    String recovery;
    @Option(names = "--recover-at", paramLabel = "HH:MM", description = "with --recovery scheduled: the time of day to catch up")
    String recoverAt;

    /** The job {@code base} with the flags given applied (a new job starts from {@link #fresh}). */
    Job applyTo(Job base, String name) {
        int triggers = (realtime ? 1 : 0) + (manual ? 1 : 0) + (cron != null ? 1 : 0) + (interval != null ? 1 : 0);
        if (triggers > 1) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Give one trigger: --realtime, --manual, --cron or --interval.");
        }
        String trigger = base.trigger();
        String cronExpr = base.cron();
        long seconds = base.intervalSeconds();
        String win = base.window();
        if (triggers == 1) {
            trigger = realtime ? Job.REALTIME : manual ? Job.MANUAL : cron != null ? Job.CRON : Job.INTERVAL;
            cronExpr = cron == null ? "" : cron;
            seconds = interval == null ? 0 : seconds(interval);
            win = "";
        }
        if (window != null) {
            win = window;
        }
        String rec = recovery == null ? base.recovery() : recovery;
        String at = recoverAt != null ? recoverAt : recovery != null ? "" : base.recoverAt();
        return new Job(base.id(), name, base.enabled(), source == null ? base.source() : source, paths == null ? base.sourcePaths() : paths,
                targets == null ? base.targets() : targets.stream().map(JobOptions::target).toList(), includes == null ? base.includes() : includes,
                excludes == null ? base.excludes() : excludes, ops == null ? base.operations() : List.of(ops.split(",")),
                typeTags == null ? base.typeTags() : tags(typeTags), trigger, cronExpr, seconds, win, retry == null ? base.retryLimit() : retry, rec, at,
                base.createdBy(), base.created(), base.modifiedBy(), base.modified());
    }

    static Job fresh(boolean enabled) {
        return new Job(0, "", enabled, "", List.of(), List.of(), List.of(), List.of(), List.of("create", "update", "delete", "move"), Map.of(),
                Job.MANUAL, "", 0, "", 3, Job.RECOVER_IMMEDIATE, "", "", null, "", null);
    }

    static JobTarget target(String s) {
        String[] p = s.split(":", 3);
        if (p.length != 3 || p[1].isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--target '" + s + "' is not KIND:NAME:PATH, e.g. server:web-2:incoming or group:eu/web:site.");
        }
        return new JobTarget(p[0].toLowerCase(Locale.ROOT), p[1], p[2]);
    }

    private static Map<String, String> tags(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--type-tag '" + pair + "' is not PATTERN=TAG, e.g. *.jpg=images.");
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    static long seconds(String d) {
        long n = org.syncline.core.Durations.parseOrSeconds(d).map(java.time.Duration::toSeconds).orElse(0L);
        if (n > 0 && n <= 365L * 86_400) {
            return n;
        }
        throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--interval '" + d + "' is not a duration such as 90s, 15m, 2h or 1d.");
    }

    static List<String> describeTargets(Job j) {
        List<String> out = new ArrayList<>();
        j.targets().forEach(t -> out.add(t.describe()));
        return out;
    }
}
