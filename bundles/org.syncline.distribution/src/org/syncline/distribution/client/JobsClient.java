package org.syncline.distribution.client;

import java.util.List;
import java.util.function.Consumer;

import org.syncline.core.Pages;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobChange;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.OutOfDateTarget;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.RunFilesPage;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.protocol.Connection;

/** Replication jobs on a master: anyone reads and follows them, admins define, change, enable and remove them. */
public final class JobsClient {
    private final Connection connection;

    public JobsClient(Connection connection) {
        this.connection = connection;
    }

    public List<Job> list() {
        return connection.request(DistributionMessages.JOB_LIST, Json.object()).list("jobs", Job.class);
    }

    public Job get(String name) {
        return read(connection.request(DistributionMessages.JOB_GET, Json.object("name", name)));
    }

    public Job create(Job job) {
        return read(connection.request(DistributionMessages.JOB_CREATE, Json.tree(job)));
    }

    /** Replaces the definition of the job now called {@code name} (the new one may rename it). */
    public Job update(String name, Job job) {
        return read(connection.request(DistributionMessages.JOB_UPDATE, Json.object("name", name, "job", Json.tree(job))));
    }

    public Job remove(String name) {
        return read(connection.request(DistributionMessages.JOB_REMOVE, Json.object("name", name)));
    }

    public Job enable(String name) {
        return read(connection.request(DistributionMessages.JOB_ENABLE, Json.object("name", name)));
    }

    public Job disable(String name) {
        return read(connection.request(DistributionMessages.JOB_DISABLE, Json.object("name", name)));
    }

    /** The tree a run of the job would take now (agents that are not online left out). */
    public RoutePlan plan(String name) {
        return Json.read(connection.request(DistributionMessages.JOB_PLAN, Json.object("name", name)), RoutePlan.class);
    }

    /** Starts a run now, of the whole job or ({@code path} not empty) of one file or directory on the source. */
    public JobRun run(String name, String path) {
        return JobRun.read(connection.request(DistributionMessages.JOB_RUN, Json.object("name", name, "path", path == null ? "" : path)));
    }

    /**
     * Catches the job up on the targets it is out of date on, now (its manual recovery; any policy may be used so):
     * starts a run of trigger {@code recovery} limited to them and returns it as it started. NOT_FOUND when the job
     * is out of date nowhere, CONFLICT while it runs. Admins only.
     */
    public JobRun recover(String name) {
        return JobRun.read(connection.request(DistributionMessages.JOB_RECOVER, Json.object("name", name)));
    }

    /** The job's runs, newest first, at most {@code limit}. */
    public List<JobRun> log(String name, int limit) {
        return connection.request(DistributionMessages.JOB_LOG, Json.object("name", name, "limit", limit)).list("runs").stream().map(JobsClient::run)
                .toList();
    }

    public JobRun runInfo(long id) {
        return JobRun.read(connection.request(DistributionMessages.JOB_RUN_GET, Json.object("id", id)));
    }

    /** The per-file reports of a run's targets, in the order they came, read page by page. */
    public List<RunFile> files(long id) {
        return Pages.readPages(-1L, after -> filesPage(id, after, Integer.MAX_VALUE), RunFilesPage::files, RunFilesPage::more,
                RunFilesPage::next);
    }

    /**
     * The reports after the cursor {@code after} (-1: from the first), at most {@code limit} and what a page holds. A
     * master older than paging answers with every report and no {@code more}: one page, the last.
     */
    public RunFilesPage filesPage(long id, long after, int limit) {
        JsonObject reply = connection.request(DistributionMessages.JOB_RUN_FILES, Json.object("id", id, "after", after, "limit", limit));
        return new RunFilesPage(reply.list("files", RunFile.class), reply.optNumber("next", -1), reply.optBool("more", false));
    }

    /** The targets the job is out of date on (caught up by its recovery policy or the next whole run). */
    public List<OutOfDateTarget> outOfDate(String name) {
        return connection.request(DistributionMessages.JOB_OUT_OF_DATE, Json.object("name", name)).list("targets", OutOfDateTarget.class);
    }

    /** Calls {@code listener} with each change of a job, until the returned handle is closed. */
    public AutoCloseable watch(Consumer<JobChange> listener) {
        Consumer<JsonObject> push = body -> listener.accept(Json.read(body, JobChange.class));
        connection.onPush(DistributionMessages.JOB_CHANGED, push);
        connection.subscribe(DistributionMessages.JOBS_TOPIC);
        return () -> connection.removePushListener(DistributionMessages.JOB_CHANGED, push);
    }

    /** Calls {@code listener} with each pushed state of a running run, until the returned handle is closed. */
    public AutoCloseable watchRuns(Consumer<JobRun> listener) {
        Consumer<JsonObject> push = body -> listener.accept(JobRun.read(body));
        connection.onPush(DistributionMessages.RUN_CHANGED, push);
        connection.subscribe(DistributionMessages.RUNS_TOPIC);
        return () -> connection.removePushListener(DistributionMessages.RUN_CHANGED, push);
    }

    @SuppressWarnings("unchecked")
    private static JobRun run(Object element) {
        if (!(element instanceof java.util.Map<?, ?> m)) {
            throw new org.syncline.core.SynclineException(org.syncline.core.ErrorCode.BAD_REQUEST, "A run in the job log is not an object.");
        }
        return JobRun.read(new JsonObject((java.util.Map<String, Object>) m));
    }

    private static Job read(JsonObject body) {
        return Json.read(body, Job.class);
    }
}
