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
import java.util.function.Supplier;
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
 * and runs it on its own thread ({@link RunExecution}); one run of a job at a time.
 */
final class JobRunner implements AutoCloseable {
    private final Database database;
    private final MasterTopology topology;
    private final Supplier<List<AgentInfo>> agents;
    private final Enrollment enrollment;
    private final Path spool;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "distribution-run");
        t.setDaemon(true);
        return t;
    });

    /** @param spool a folder of the master's own for deltas in passage; emptied now */
    JobRunner(Database database, MasterTopology topology, Supplier<List<AgentInfo>> agents, Enrollment enrollment, Path spool, Clock clock) {
        this.database = database;
        this.topology = topology;
        this.agents = agents;
        this.enrollment = enrollment;
        this.spool = spool;
        this.clock = clock;
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

    /** Plans and starts a manual run of {@code job}, of {@code limit} only when it is not empty. */
    JobRun start(Job job, String limit, String by) {
        if (!job.typeTags().isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Job '" + job.name() + "' routes by data-type tags, which runs do not "
                    + "handle yet; remove its type tags to run it.");
        }
        List<RunExecution.Scope> scopes = scopes(job, limit);
        Deployment d = topology.model();
        Map<String, AgentInfo> online = new HashMap<>();
        agents.get().stream().filter(a -> a.state().equals(AgentInfo.ONLINE)).forEach(a -> online.put(a.name(), a));
        RoutePlan plan = RoutePlanner.plan(d, job.source(), JobTargets.servers(job, d), online::containsKey);
        Map<String, String> targetPaths = new HashMap<>();
        for (JobTarget t : job.targets()) {
            Job one = new Job(job.id(), job.name(), job.enabled(), job.source(), job.sourcePaths(), List.of(t), List.of(), List.of(), job.operations(),
                    Map.of(), job.trigger(), job.cron(), job.intervalSeconds(), job.window(), job.retryLimit(), job.recovery(), job.recoverAt(),
                    "", null, "", null);
            JobTargets.servers(one, d).forEach(s -> targetPaths.putIfAbsent(s, t.path()));
        }
        if (!running.add(job.id())) {
            throw new SynclineException(ErrorCode.CONFLICT, "Job '" + job.name() + "' is running already; 'syncline cli job log " + job.name()
                    + "' shows it.");
        }
        try {
            JobRun fresh = new JobRun(0, job.name(), JobRun.MANUAL, limit, by, clock.instant(), null, JobRun.RUNNING, 0, 0, 0, 0, 0, 0, 0, 0, 0, "",
                    List.of());
            JobRun stored = database.inTransaction(c -> RunTable.insert(c, job.id(), fresh));
            RunExecution execution = new RunExecution(database, job, plan, targetPaths, online, enrollment, spool, clock, scopes, stored);
            threads.execute(() -> {
                try {
                    execution.run();
                } finally {
                    running.remove(job.id());
                }
            });
            return stored;
        } catch (RuntimeException e) {
            running.remove(job.id());
            throw e;
        }
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
    }
}
