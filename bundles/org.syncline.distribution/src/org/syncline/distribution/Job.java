package org.syncline.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A replication job defined on the master: what to send (a source server, paths relative to its distribution
 * root, include / exclude patterns, the operations passed on, data-type tags from patterns), where
 * ({@link JobTarget}s), when ({@code trigger}: {@code realtime}, {@code cron} with {@code cron}, {@code interval}
 * with {@code intervalSeconds}, both optionally inside {@code window} such as {@code 22:00-06:00}, or
 * {@code manual}), how often to retry a failed target, and how a target that missed a run is caught up
 * ({@code recovery}: {@code immediate}, {@code scheduled} at {@code recoverAt} HH:MM, or {@code manual}).
 * The id and the created / modified fields are the master's; a request leaves them 0, empty or EPOCH.
 */
public record Job(long id, String name, boolean enabled, String source, List<String> sourcePaths, List<JobTarget> targets,
        List<String> includes, List<String> excludes, List<String> operations, Map<String, String> typeTags, String trigger, String cron,
        long intervalSeconds, String window, int retryLimit, String recovery, String recoverAt, String createdBy, Instant created,
        String modifiedBy, Instant modified) {
    public static final String REALTIME = "realtime";
    public static final String CRON = "cron";
    public static final String INTERVAL = "interval";
    public static final String MANUAL = "manual";
    public static final String RECOVER_IMMEDIATE = "immediate";
    public static final String RECOVER_SCHEDULED = "scheduled";
    public static final String RECOVER_MANUAL = "manual";

    public Job {
        name = name == null ? "" : name;
        source = source == null ? "" : source;
        sourcePaths = sourcePaths == null ? List.of() : List.copyOf(sourcePaths);
        targets = targets == null ? List.of() : List.copyOf(targets);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        operations = operations == null ? List.of() : List.copyOf(operations);
        typeTags = typeTags == null ? Map.of() : Map.copyOf(typeTags);
        trigger = trigger == null ? "" : trigger;
        cron = cron == null ? "" : cron;
        window = window == null ? "" : window;
        recovery = recovery == null ? "" : recovery;
        recoverAt = recoverAt == null ? "" : recoverAt;
        createdBy = createdBy == null ? "" : createdBy;
        created = created == null ? Instant.EPOCH : created;
        modifiedBy = modifiedBy == null ? "" : modifiedBy;
        modified = modified == null ? Instant.EPOCH : modified;
    }

    /** When it runs, for people: "cron 0 22 * * * within 22:00-06:00", "every 3600 s", "real-time", "manual". */
    public String describeTrigger() {
        String w = window.isEmpty() ? "" : " within " + window;
        return switch (trigger) {
            case CRON -> "cron " + cron + w;
            case INTERVAL -> "every " + intervalSeconds + " s" + w;
            case REALTIME -> "real-time";
            default -> "manual";
        };
    }

    /** The same definition with the master's fields set. */
    public Job stored(long newId, boolean isEnabled, String by, Instant createdAt, String changedBy, Instant modifiedAt) {
        return new Job(newId, name, isEnabled, source, sourcePaths, targets, includes, excludes, operations, typeTags, trigger, cron,
                intervalSeconds, window, retryLimit, recovery, recoverAt, by, createdAt, changedBy, modifiedAt);
    }
}
