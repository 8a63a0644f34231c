package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.syncline.core.ErrorCode;
import org.syncline.core.RelativePath;
import org.syncline.core.SynclineException;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.routing.JobTargets;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.distribution.routing.RoutePlanner;
import org.syncline.model.topology.Deployment;
import org.syncline.server.api.Enrollment;
import org.syncline.store.Database;

/**
 * Starts runs of jobs on the master: plans the tree from the topology and the agents online now, logs the run,
 * and runs it on its own thread ({@link RunExecution}); one run of a job at a time. A manual run while the job
 * runs is refused; a run a trigger asks for then waits as the job's one follow-up (later requests merge into it:
 * the union of their targets, the common folder of their paths) and starts when the running one ends.
 */
final class JobRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private final Database database;
    private final MasterTopology topology;
    private final Supplier<List<AgentInfo>> agents;
    private final Enrollment enrollment;
    private final Path spool;
    private final IncrementalScans scans;
    private final Clock clock;
    private final Consumer<JobRun> publisher;
    private final int hopParallelism;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    /** How long a manual start waits for a run that is logged as ended to finish returning (its end rows written). */
    private static final long WIND_DOWN_MILLIS = 10_000;
    /** The links to the agents, kept open between runs: closed after a minute without a run (or when an agent moved). */
    private final LinkPool links = new LinkPool("distribution-master", java.time.Duration.ofSeconds(60), agent -> !running.isEmpty());
    private final Map<Long, Request> followUps = new HashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "distribution-run");
        t.setDaemon(true);
        return t;
    });

    /**
     * What a trigger asks for: the trigger's name, the path the run is limited to (empty: the whole job) and the
     * targets (null: all the job's targets).
     */
    record Request(String trigger, String limit, Set<String> only) {
        Request merge(Request later) {
            String path = limit.equals(later.limit) ? limit : commonFolder(limit, later.limit);
            Set<String> targets = null;
            if (only != null && later.only != null) {
                targets = new java.util.TreeSet<>(only);
                targets.addAll(later.only);
            }
            return new Request(later.trigger, path, targets);
        }
    }

    /**
     * @param spool     a folder of the master's own for deltas in passage; emptied now
     * @param scans     the master's bases of the agents' listings (kept across runs and restarts)
     * @param publisher called with each pushed state of a run (start, target changes, progress, end)
     * @param hopParallelism how many children one sender serves at a time
     */
    JobRunner(Database database, MasterTopology topology, Supplier<List<AgentInfo>> agents, Enrollment enrollment, Path spool,
            IncrementalScans scans, Clock clock, Consumer<JobRun> publisher, int hopParallelism) {
        this.hopParallelism = hopParallelism;
        this.scans = scans;
        this.database = database;
        this.topology = topology;
        this.agents = agents;
        this.enrollment = enrollment;
        this.spool = spool;
        this.clock = clock;
        this.publisher = publisher;
        try {
            Files.createDirectories(spool);
            try (Stream<Path> left = Files.list(spool)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "Could not prepare " + spool + " for runs of jobs: " + e.getMessage(), e);
        }
        database.inTransaction(c -> {
            RunTable.interruptLeftovers(c);
            return null;
        });
    }

    /** Plans and starts a manual run of {@code job}, of {@code limit} only when it is not empty; CONFLICT while it runs. */
    JobRun start(Job job, String limit, String by) {
        return startNow(job, new Request(JobRun.MANUAL, limit, null), by);
    }

    /**
     * An admin's recovery of {@code job} (the manual recovery policy's action): a run of trigger recovery limited to
     * the targets it is out of date on, started now; NOT_FOUND when there are none, CONFLICT while it runs.
     */
    JobRun recover(Job job, String by) {
        Set<String> stale = new java.util.TreeSet<>();
        database.inTransaction(c -> OutOfDateTable.ofJob(c, job.id())).forEach(t -> stale.add(t.server()));
        if (stale.isEmpty()) {
            throw new SynclineException(ErrorCode.NOT_FOUND, "Job '" + job.name()
                    + "' is out of date on no target: there is nothing to recover.");
        }
        return startNow(job, new Request(JobRun.RECOVERY, "", stale), by);
    }

    private JobRun startNow(Job job, Request request, String by) {
        JobRun r = launch(job, request, by);
        if (r == null && lastRunEnded(job) && windingDown(job.id())) {
            // the last run is logged as ended (a client saw that) and its execution was still returning: not a conflict
            r = launch(job, request, by);
        }
        if (r == null) {
            throw new SynclineException(ErrorCode.CONFLICT, "Job '" + job.name() + "' is running already; 'syncline cli job log " + job.name()
                    + "' shows it.");
        }
        return r;
    }

    private boolean lastRunEnded(Job job) {
        List<JobRun> last = database.inTransaction(c -> RunTable.ofJob(c, job.id(), 1));
        return !last.isEmpty() && last.get(0).finished();
    }

    /** Waits (at most {@link #WIND_DOWN_MILLIS}) for the job's execution to return; whether it did. */
    private boolean windingDown(long jobId) {
        long deadline = System.nanoTime() + WIND_DOWN_MILLIS * 1_000_000;
        synchronized (followUps) {
            while (running.contains(jobId)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                try {
                    followUps.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A trigger's run (cron, interval, real-time, recovery): starts now, or when the job runs already, waits as
     * its follow-up. Never throws: a run that cannot start is logged.
     */
    void fire(Job job, Request asked) {
        Request request = asked;
        try {
            scopes(job, request.limit());
        } catch (SynclineException e) {
            request = new Request(asked.trigger(), "", asked.only()); // merged paths outside one source path: the whole job
        }
        synchronized (followUps) {
            if (running.contains(job.id())) {
                followUps.merge(job.id(), request, Request::merge);
                return;
            }
        }
        try {
            if (launch(job, request, "") == null) {
                synchronized (followUps) {
                    followUps.merge(job.id(), request, Request::merge);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "A " + request.trigger() + " run of job '" + job.name() + "' could not start: " + e.getMessage());
        }
    }

    /** Starts the run, or returns null when the job runs already. */
    private JobRun launch(Job job, Request request, String by) {
        List<RunExecution.Scope> scopes = scopes(job, request.limit());
        Deployment d = topology.model();
        Map<String, AgentInfo> online = new HashMap<>();
        agents.get().stream().filter(a -> a.state().equals(AgentInfo.ONLINE)).forEach(a -> online.put(a.name(), a));
        Set<String> all = JobTargets.servers(job, d);
        List<String> targets = all.stream().filter(s -> request.only() == null || request.only().contains(s)).toList();
        if (request.only() != null) {
            // servers that are no longer targets of the job are not out of date for it any more
            database.inTransaction(c -> {
                for (String s : request.only()) {
                    if (!all.contains(s)) {
                        OutOfDateTable.clear(c, job.id(), s);
                    }
                }
                return null;
            });
            if (targets.isEmpty()) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "None of " + request.only() + " is a target of job '" + job.name() + "' now.");
            }
        }
        RoutePlan plan = RoutePlanner.plan(d, job.source(), targets, online::containsKey, job.typeTags());
        Map<String, String> targetPaths = new HashMap<>();
        for (JobTarget t : job.targets()) {
            Job one = new Job(job.id(), job.name(), job.enabled(), job.source(), job.sourcePaths(), List.of(t), List.of(), List.of(), job.operations(),
                    Map.of(), job.trigger(), job.cron(), job.intervalSeconds(), job.window(), job.retryLimit(), job.recovery(), job.recoverAt(),
                    "", null, "", null);
            JobTargets.servers(one, d).forEach(s -> targetPaths.putIfAbsent(s, t.path()));
        }
        synchronized (followUps) {
            if (!running.add(job.id())) {
                return null;
            }
        }
        try {
            JobRun fresh = new JobRun(0, job.name(), request.trigger(), request.limit(), by, clock.instant(), null, JobRun.RUNNING, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 0, 0, "", List.of());
            JobRun stored = database.inTransaction(c -> RunTable.insert(c, job.id(), fresh));
            RunExecution execution = new RunExecution(database, job, d, plan, targetPaths, online, enrollment, links, scans, spool, clock, scopes,
                    stored, publisher, hopParallelism);
            threads.execute(() -> {
                try {
                    execution.run();
                } finally {
                    ended(job.id());
                }
            });
            return stored;
        } catch (RuntimeException e) {
            running.remove(job.id());
            throw e;
        }
    }

    /** The job's run ended: its follow-up, if any, starts with the job as it is defined now (not if removed or disabled). */
    private void ended(long jobId) {
        Request next;
        synchronized (followUps) {
            running.remove(jobId);
            next = followUps.remove(jobId);
            followUps.notifyAll(); // a manual start waiting for this run's execution to return
        }
        if (next == null) {
            return;
        }
        try {
            database.inTransaction(JobTable::all).stream().filter(j -> j.id() == jobId && j.enabled()).findFirst().ifPresent(j -> fire(j, next));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The follow-up run of job " + jobId + " could not start", e);
        }
    }

    /** The deepest folder holding both paths (empty: the whole job). */
    static String commonFolder(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return "";
        }
        String[] x = a.split("/");
        String[] y = b.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
            out.append(out.isEmpty() ? "" : "/").append(x[i]);
        }
        return out.toString();
    }

    /** What a run covers: every source path, or the one file or folder {@code limit} inside one of them. */
    static List<RunExecution.Scope> scopes(Job job, String limit) {
        List<RunExecution.Scope> out = new ArrayList<>();
        if (limit == null || limit.isEmpty()) {
            job.sourcePaths().forEach(p -> out.add(new RunExecution.Scope(p, "")));
            return out;
        }
        String path = RelativePath.parse(limit).toString();
        for (String p : job.sourcePaths()) {
            if (path.equals(p)) {
                return List.of(new RunExecution.Scope(p, ""));
            }
            if (path.startsWith(p + "/")) {
                return List.of(new RunExecution.Scope(path, path.substring(p.length() + 1)));
            }
        }
        throw new SynclineException(ErrorCode.INVALID_PATH, "The path '" + path + "' is not inside a source path of job '" + job.name() + "' ("
                + String.join(", ", job.sourcePaths()) + ").");
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        links.close();
    }
}
