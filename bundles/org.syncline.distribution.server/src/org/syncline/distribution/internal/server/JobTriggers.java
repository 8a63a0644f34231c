package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.OutOfDateTarget;
import org.syncline.store.Database;

/**
 * What starts runs besides an admin: every second the schedules of enabled cron and interval jobs and the
 * scheduled recoveries ({@link TriggerDecision}); an agent's hello (immediate recovery of the jobs out of date on
 * it); a change its source agent saw (real-time jobs). All go through {@link JobRunner#fire}, one engine.
 * Disabled jobs never fire. A schedule counts from when the master first saw the job, so a master that was
 * stopped does not fire what it missed.
 */
final class JobTriggers {
    private static final Logger LOG = Logger.getLogger(JobTriggers.class.getName());
    private final Database database;
    private final JobRunner runner;
    private final Clock clock;
    private final Map<Long, Instant> checked = new ConcurrentHashMap<>();

    JobTriggers(Database database, JobRunner runner, Clock clock) {
        this.database = database;
        this.runner = runner;
        this.clock = clock;
    }

    /** One round of the schedules; called every second by the server's scheduler. */
    void tick() {
        Instant now = clock.instant();
        for (Job j : database.inTransaction(JobTable::all)) {
            Instant after = checked.put(j.id(), now);
            if (after == null || !j.enabled()) {
                continue;
            }
            try {
                if (TriggerDecision.due(j, after, clock)) {
                    runner.fire(j, new JobRunner.Request(j.trigger(), "", null));
                }
                if (TriggerDecision.recoveryDue(j, after, clock)) {
                    recover(j);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The schedule of job '" + j.name() + "' could not be evaluated", e);
            }
        }
    }

    /** An agent said hello: jobs recovered immediately that are out of date on it run for their out-of-date targets. */
    void agentBack(String name) {
        for (Job j : database.inTransaction(JobTable::all)) {
            if (j.enabled() && j.recovery().equals(Job.RECOVER_IMMEDIATE)
                    && database.inTransaction(c -> OutOfDateTable.ofJob(c, j.id())).stream().anyMatch(t -> t.server().equals(name))) {
                recover(j);
            }
        }
    }

    /** A recovery run of the job, limited to the targets it is out of date on. */
    private void recover(Job j) {
        List<OutOfDateTarget> stale = database.inTransaction(c -> OutOfDateTable.ofJob(c, j.id()));
        if (!stale.isEmpty()) {
            Set<String> only = new TreeSet<>();
            stale.forEach(t -> only.add(t.server()));
            runner.fire(j, new JobRunner.Request(JobRun.RECOVERY, "", only));
        }
    }

    /** The source paths the agent watches: those of its enabled real-time jobs. */
    Set<String> watches(String agent) {
        Set<String> out = new TreeSet<>();
        for (Job j : database.inTransaction(JobTable::all)) {
            if (j.enabled() && j.trigger().equals(Job.REALTIME) && j.source().equals(agent)) {
                out.addAll(j.sourcePaths());
            }
        }
        return out;
    }

    /** The agent saw {@code paths} change: each real-time job of it covering them runs for the folder holding them all. */
    void changed(String agent, List<String> paths) {
        for (Job j : database.inTransaction(JobTable::all)) {
            if (!j.enabled() || !j.trigger().equals(Job.REALTIME) || !j.source().equals(agent)) {
                continue;
            }
            String limit = null;
            for (String p : paths) {
                if (j.sourcePaths().stream().anyMatch(s -> p.equals(s) || p.startsWith(s + "/"))) {
                    String folder = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
                    limit = limit == null ? folder : JobRunner.commonFolder(limit, folder);
                }
            }
            if (limit != null) {
                runner.fire(j, new JobRunner.Request(JobRun.REALTIME, limit, null));
            }
        }
    }
}
