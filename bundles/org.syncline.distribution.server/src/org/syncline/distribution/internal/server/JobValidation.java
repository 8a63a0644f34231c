package org.syncline.distribution.internal.server;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.RelativePath;
import org.syncline.core.SynclineException;
import org.syncline.core.filter.Operation;
import org.syncline.core.filter.PathFilter;
import org.syncline.core.filter.TypeTags;
import org.syncline.core.schedule.CronExpression;
import org.syncline.core.schedule.Schedule;
import org.syncline.core.schedule.TimeWindow;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobTarget;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.query.Elements;

/**
 * Checks a job definition against the current topology and returns it normalised (fields its trigger and
 * recovery do not use emptied, operations in lower case). Each refusal is one sentence naming the field.
 */
final class JobValidation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_ITEMS = 1000;
    private static final int MAX_RETRIES = 100;

    private JobValidation() {
    }

    static Job check(Job j, Deployment topology) {
        if (!NAME.matcher(j.name()).matches()) {
            throw new SynclineException(ErrorCode.INVALID_NAME, "'" + Names.printable(j.name())
                    + "' is not a valid job name: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        List<Server> servers = Elements.servers(topology);
        Set<String> serverNames = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        for (Server s : servers) {
            serverNames.add(s.getName());
            tags.addAll(s.getTags());
        }
        if (!serverNames.contains(j.source())) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "The source server '" + Names.printable(j.source())
                    + "' is not in the topology; 'syncline cli topology show' lists the servers.");
        }
        List<String> paths = paths(j.sourcePaths(), "source path");
        if (paths.isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Name at least one source path (relative to the source's distribution root).");
        }
        if (j.targets().isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Name at least one target: server:NAME:PATH, group:REGION/GROUP:PATH, "
                    + "region:NAME:PATH or tag:TAG:PATH.");
        }
        limit(j.targets(), "targets");
        List<JobTarget> targets = new ArrayList<>();
        for (JobTarget t : j.targets()) {
            targets.add(target(t, j.source(), serverNames, topology, tags));
        }
        limit(j.includes(), "include patterns");
        limit(j.excludes(), "exclude patterns");
        Set<Operation> ops = Operation.parseSet(String.join(",", j.operations()));
        new PathFilter(j.includes(), j.excludes(), ops); // refuses a pattern that does not parse
        new TypeTags(j.typeTags());
        String trigger = j.trigger().toLowerCase(Locale.ROOT);
        String cron = "";
        long interval = 0;
        String window = "";
        switch (trigger) {
            case Job.CRON -> {
                cron = CronExpression.parse(j.cron()).toString();
                window = window(j.window());
                if (new Schedule.Cron(CronExpression.parse(cron), window.isEmpty() ? null : TimeWindow.parse(window))
                        .next(Instant.now(), java.time.ZoneOffset.UTC).isEmpty()) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The cron expression '" + cron + "' never fires" + (window.isEmpty() ? "" : " within " + window) + ".");
                }
            }
            case Job.INTERVAL -> {
                interval = j.intervalSeconds();
                new Schedule.Interval(Duration.ofSeconds(interval), Instant.EPOCH, null); // refuses less than a minute
                window = window(j.window());
            }
            case Job.REALTIME, Job.MANUAL -> {
                if (!j.cron().isEmpty() || j.intervalSeconds() != 0 || !j.window().isEmpty()) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A " + trigger + " job takes no cron expression, interval or window.");
                }
            }
            default -> throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The trigger must be realtime, cron, interval or manual, not '"
                    + Names.printable(j.trigger()) + "'.");
        }
        if (j.retryLimit() < 0 || j.retryLimit() > MAX_RETRIES) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The retry limit must be 0 to " + MAX_RETRIES + ", not " + j.retryLimit() + ".");
        }
        String recovery = j.recovery().isEmpty() ? Job.RECOVER_IMMEDIATE : j.recovery().toLowerCase(Locale.ROOT);
        String recoverAt = "";
        switch (recovery) {
            case Job.RECOVER_SCHEDULED -> {
                try {
                    recoverAt = LocalTime.parse(j.recoverAt()).toString();
                } catch (DateTimeParseException e) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A scheduled recovery needs the time of day to catch up at, HH:MM, not '"
                            + Names.printable(j.recoverAt()) + "'.");
                }
            }
            case Job.RECOVER_IMMEDIATE, Job.RECOVER_MANUAL -> {
                if (!j.recoverAt().isEmpty()) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Only a scheduled recovery takes a time to catch up at.");
                }
            }
            default -> throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The recovery policy must be immediate, scheduled or manual, not '"
                    + Names.printable(j.recovery()) + "'.");
        }
        List<String> opNames = ops.stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
        return new Job(0, j.name(), j.enabled(), j.source(), paths, targets, j.includes(), j.excludes(), opNames, j.typeTags(), trigger, cron,
                interval, window, j.retryLimit(), recovery, recoverAt, "", Instant.EPOCH, "", Instant.EPOCH);
    }

    private static JobTarget target(JobTarget t, String source, Set<String> serverNames, Deployment topology, Set<String> tags) {
        String kind = t.kind() == null ? "" : t.kind().toLowerCase(Locale.ROOT);
        String name = t.name() == null ? "" : t.name();
        boolean exists = switch (kind) {
            case JobTarget.SERVER -> {
                if (name.equals(source)) {
                    throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The source server '" + source + "' cannot be one of its own targets.");
                }
                yield serverNames.contains(name);
            }
            case JobTarget.GROUP -> Elements.groups(topology).stream().map(Elements::path).anyMatch(name::equals);
            case JobTarget.REGION -> topology.getRegions().stream().map(Region::getName).anyMatch(name::equals);
            case JobTarget.TAG -> tags.contains(name);
            default -> throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A target kind is server, group, region or tag, not '"
                    + Names.printable(kind) + "'.");
        };
        if (!exists) {
            String what = switch (kind) {
                case JobTarget.SERVER -> "There is no server '" + Names.printable(name) + "' in the topology";
                case JobTarget.GROUP -> "There is no group '" + Names.printable(name) + "' (written region/group) in the topology";
                case JobTarget.REGION -> "There is no region '" + Names.printable(name) + "' in the topology";
                default -> "No server in the topology carries the tag '" + Names.printable(name) + "'";
            };
            throw new SynclineException(ErrorCode.NOT_FOUND, what + "; 'syncline cli topology show' lists what there is.");
        }
        return new JobTarget(kind, name, RelativePath.parse(t.path() == null ? "" : t.path()).toString());
    }

    private static List<String> paths(List<String> in, String what) {
        limit(in, what + "s");
        return in.stream().map(p -> RelativePath.parse(p).toString()).distinct().toList();
    }

    private static String window(String w) {
        return w.isEmpty() ? "" : TimeWindow.parse(w).toString();
    }

    private static void limit(List<?> items, String what) {
        if (items.size() > MAX_ITEMS) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A job takes at most " + MAX_ITEMS + " " + what + ".");
        }
    }
}
