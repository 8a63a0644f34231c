package org.syncline.distribution.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.syncline.cli.api.CliContext;
import org.syncline.core.json.Json;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.OutOfDateTarget;
import org.syncline.distribution.client.JobsClient;
import org.syncline.distribution.routing.Hop;
import org.syncline.distribution.routing.RoutePlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "job", description = "Replication jobs on the master: list, show, plan, create, edit, rm, enable, disable, run, recover, log (changes need the admin role or the distribution-manage right; runs and recoveries need the admin role).",
        mixinStandardHelpOptions = true)
final class JobCommands {
    private final CliContext cli;

    JobCommands(CliContext cli) {
        this.cli = cli;
    }

    private JobsClient jobs() {
        return new JobsClient(cli.connection());
    }

    @Command(name = "list", description = "The jobs, by name.", mixinStandardHelpOptions = true)
    void list() {
        List<Job> all = jobs().list();
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-24s %-8s %-28s %-16s %s%n", "NAME", "ENABLED", "TRIGGER", "SOURCE", "TARGETS"));
        for (Job j : all) {
            json.add(Json.tree(j));
            text.append(String.format("%-24s %-8s %-28s %-16s %s%n", j.name(), j.enabled() ? "yes" : "no", j.describeTrigger(), j.source(),
                    String.join(" ", JobOptions.describeTargets(j))));
        }
        text.append(all.size() == 1 ? "1 job." : all.size() + " jobs.");
        cli.print(Map.of("jobs", json), text.toString());
    }

    @Command(name = "show", description = "One job's whole definition.", mixinStandardHelpOptions = true)
    void show(@Parameters(paramLabel = "NAME") String name) {
        JobsClient client = jobs();
        Job j = client.get(name);
        List<OutOfDateTarget> stale = client.outOfDate(name);
        Map<String, Object> json = new java.util.LinkedHashMap<>(Json.tree(j));
        json.put("outOfDate", stale.stream().map(Json::tree).toList());
        cli.print(json, text(j) + outOfDate(stale));
    }

    /** Lines naming the targets the job is out of date on, or nothing when it is up to date everywhere it reached. */
    static String outOfDate(List<OutOfDateTarget> stale) {
        StringBuilder b = new StringBuilder();
        for (OutOfDateTarget t : stale) {
            b.append("\n  out of date ").append(t.server()).append(" since run ").append(t.run()).append(" (").append(t.since()).append("): ")
                    .append(t.reason());
        }
        return b.toString();
    }

    @Command(name = "plan", description = "The tree a run of the job would take now; agents that are not online are left out.",
            mixinStandardHelpOptions = true)
    void plan(@Parameters(paramLabel = "NAME") String name) {
        RoutePlan p = jobs().plan(name);
        StringBuilder b = new StringBuilder("Plan of job '").append(name).append("' from ").append(p.source()).append(':');
        tree(p, p.source(), "  ", b);
        if (p.hops().isEmpty()) {
            b.append("\n  (nobody to send to now)");
        }
        if (!p.leftOut().isEmpty()) {
            b.append("\nLeft out (not online, caught up by the recovery policy): ").append(String.join(", ", p.leftOut()));
        }
        cli.print(Json.tree(p), b.toString());
    }

    private static void tree(RoutePlan p, String node, String indent, StringBuilder b) {
        for (Hop h : p.hops()) {
            if (h.from().equals(node)) {
                b.append('\n').append(indent).append("-> ").append(h.to()).append("  (").append(h.mode()).append(", compression ")
                        .append(h.compression()).append(h.codec().equals(Hop.ZSTD) ? " zstd" : "").append(h.bandwidthLimit() > 0 ? ", at most " + h.bandwidthLimit() + " B/s" : "").append(')');
                tree(p, h.to(), indent + "  ", b);
            }
        }
    }

    @Command(name = "create", description = "Define a job (enabled unless --disabled), checked against the current topology.",
            mixinStandardHelpOptions = true)
    void create(@Parameters(paramLabel = "NAME") String name, @Mixin JobOptions options,
            @Option(names = "--disabled", description = "create it disabled") boolean disabled) {
        Job created = jobs().create(options.applyTo(JobOptions.fresh(!disabled), name));
        cli.print(Json.tree(created), "Created job '" + created.name() + "'.\n" + text(created));
    }

    @Command(name = "edit", description = "Change a job: the flags given replace what the job had.", mixinStandardHelpOptions = true)
    void edit(@Parameters(paramLabel = "NAME") String name, @Mixin JobOptions options,
            @Option(names = "--rename", paramLabel = "NEW", description = "give the job a new name") String rename) {
        JobsClient client = jobs();
        Job current = client.get(name);
        Job updated = client.update(name, options.applyTo(current, rename == null ? name : rename));
        cli.print(Json.tree(updated), "Changed job '" + updated.name() + "'.\n" + text(updated));
    }

    @Command(name = "rm", description = "Remove a job.", mixinStandardHelpOptions = true)
    void rm(@Parameters(paramLabel = "NAME") String name) {
        Job removed = jobs().remove(name);
        cli.print(Json.tree(removed), "Removed job '" + removed.name() + "'.");
    }

    @Command(name = "enable", description = "Let a job run on its trigger again.", mixinStandardHelpOptions = true)
    void enable(@Parameters(paramLabel = "NAME") String name) {
        Job j = jobs().enable(name);
        cli.print(Json.tree(j), "Job '" + j.name() + "' is enabled.");
    }

    @Command(name = "disable", description = "Stop a job from running on its trigger (its definition stays).", mixinStandardHelpOptions = true)
    void disable(@Parameters(paramLabel = "NAME") String name) {
        Job j = jobs().disable(name);
        cli.print(Json.tree(j), "Job '" + j.name() + "' is disabled.");
    }

    @Command(name = "run", description = "Run a job now (the whole job, or one file or directory with --path) and wait for its end.",
            mixinStandardHelpOptions = true)
    void run(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--path", paramLabel = "PATH", description = "one file or directory on the source, inside one of the job's paths") String path)
            throws InterruptedException {
        JobsClient client = jobs();
        JobRun r = client.run(name, path);
        cli.note("Run " + r.id() + " of job '" + name + "' started.");
        finish(client, name, r);
    }

    /** Waits for the run's end and prints it; a failed run is an error (exit code), a partial one says so first. */
    private void finish(JobsClient client, String name, JobRun started) throws InterruptedException {
        JobRun r = started;
        while (!r.finished()) {
            Thread.sleep(300);
            r = client.runInfo(r.id());
        }
        if (r.state().equals(JobRun.FAILED)) {
            throw new SynclineException(ErrorCode.CONFLICT, "Run " + r.id() + " of job '" + name + "' failed: "
                    + (r.error().isEmpty() ? "no target got the content; 'syncline cli job log " + name + "' shows why." : r.error()));
        }
        if (r.state().equals(JobRun.PARTIAL)) {
            cli.note("Some targets did not get everything (left out or failed); the log below says which.");
        }
        cli.print(Json.tree(r), RunText.of(r));
    }

    @Command(name = "recover", description = "Catch a job up now on the targets it is out of date on (a run of trigger recovery limited to "
            + "them; how a job with --recovery manual is caught up) and wait for its end.", mixinStandardHelpOptions = true)
    void recover(@Parameters(paramLabel = "NAME") String name) throws InterruptedException {
        JobsClient client = jobs();
        JobRun r = client.recover(name);
        cli.note("Recovery run " + r.id() + " of job '" + name + "' started.");
        finish(client, name, r);
    }

    @Command(name = "log", description = "The runs of a job, newest first, with totals and each target's result.", mixinStandardHelpOptions = true)
    void log(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N runs (default 20)") int limit) {
        JobsClient client = jobs();
        List<JobRun> runs = client.log(name, limit);
        List<OutOfDateTarget> stale = client.outOfDate(name);
        StringBuilder b = new StringBuilder();
        if (!stale.isEmpty()) {
            b.append("Out of date on ").append(String.join(", ", stale.stream().map(OutOfDateTarget::server).toList()))
                    .append(" (caught up by the job's recovery policy or the next whole run).\n");
        }
        for (JobRun r : runs) {
            b.append(RunText.of(r)).append('\n');
        }
        b.append(runs.size() == 1 ? "1 run." : runs.size() + " runs.");
        cli.print(Map.of("runs", runs.stream().map(Json::tree).toList(), "outOfDate", stale.stream().map(Json::tree).toList()), b.toString());
    }

    static String text(Job j) {
        StringBuilder b = new StringBuilder();
        b.append("Job '").append(j.name()).append("' (").append(j.enabled() ? "enabled" : "disabled").append(")\n");
        b.append("  source      ").append(j.source()).append(": ").append(String.join(", ", j.sourcePaths())).append('\n');
        b.append("  targets     ").append(String.join(", ", JobOptions.describeTargets(j))).append('\n');
        if (!j.includes().isEmpty()) {
            b.append("  include     ").append(String.join(", ", j.includes())).append('\n');
        }
        if (!j.excludes().isEmpty()) {
            b.append("  exclude     ").append(String.join(", ", j.excludes())).append('\n');
        }
        b.append("  operations  ").append(String.join(",", j.operations())).append('\n');
        j.typeTags().forEach((p, t) -> b.append("  type tag    ").append(p).append(" -> ").append(t).append('\n'));
        b.append("  trigger     ").append(j.describeTrigger()).append('\n');
        b.append("  retries     ").append(j.retryLimit()).append('\n');
        b.append("  recovery    ").append(j.recovery()).append(j.recoverAt().isEmpty() ? "" : " at " + j.recoverAt()).append('\n');
        b.append("  changed     by ").append(j.modifiedBy()).append(" at ").append(j.modified()).append(" (created by ").append(j.createdBy())
                .append(" at ").append(j.created()).append(')');
        return b.toString();
    }
}
