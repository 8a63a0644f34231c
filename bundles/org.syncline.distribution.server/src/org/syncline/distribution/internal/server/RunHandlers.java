package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.Pages;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.RunFile;
import org.syncline.distribution.RunFilesPage;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.store.Database;

/**
 * Runs of jobs on the master: admins start one, or a recovery of the targets a job is out of date on (the endpoint
 * checks the role before the handler runs), any user
 * reads the log of a job, one run, and its per-file reports.
 */
final class RunHandlers {
    private static final int MAX_LOG = 1000;
    private final CapabilityEndpoint endpoint;
    private final Database database;
    private final JobRunner runner;

    RunHandlers(CapabilityEndpoint endpoint, Database database, JobRunner runner) {
        this.endpoint = endpoint;
        this.database = database;
        this.runner = runner;
    }

    void register() {
        endpoint.topic(DistributionMessages.RUNS_TOPIC, Access.USER);
        endpoint.handle(DistributionMessages.JOB_OUT_OF_DATE, Access.USER, (ctx, body) -> Json.object("targets", database.inTransaction(c ->
                OutOfDateTable.ofJob(c, job(c, body.string("name")).id())).stream().map(Json::tree).toList()));
        endpoint.handle(DistributionMessages.JOB_RUN, Access.ADMIN, (ctx, body) -> {
            Job j = database.inTransaction(c -> job(c, body.string("name")));
            return Json.tree(runner.start(j, body.optString("path", ""), ctx.principal().name()));
        });
        endpoint.handle(DistributionMessages.JOB_RECOVER, Access.ADMIN, (ctx, body) -> {
            Job j = database.inTransaction(c -> job(c, body.string("name")));
            return Json.tree(runner.recover(j, ctx.principal().name()));
        });
        endpoint.handle(DistributionMessages.JOB_LOG, Access.USER, (ctx, body) -> {
            long limit = body.optNumber("limit", 20);
            if (limit < 1 || limit > MAX_LOG) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A log shows 1-" + MAX_LOG + " runs, not " + limit + ".");
            }
            return Json.object("runs", database.inTransaction(c -> RunTable.ofJob(c, job(c, body.string("name")).id(), (int) limit)).stream()
                    .map(Json::tree).toList());
        });
        endpoint.handle(DistributionMessages.JOB_RUN_GET, Access.USER, (ctx, body) -> Json.tree(database.inTransaction(c -> run(c,
                body.number("id")))));
        endpoint.handle(DistributionMessages.JOB_RUN_FILES, Access.USER, (ctx, body) -> {
            long limit = body.optNumber("limit", RUN_FILES_PAGE);
            return Json.tree(database.inTransaction(c -> filesPage(c, run(c, body.number("id")).id(), body.optNumber("after", -1), limit)));
        });
    }

    /** The run's file reports after the cursor {@code after} (-1: from the first): at most {@code limit} and a page. */
    static RunFilesPage filesPage(Connection c, long runId, long after, long limit) throws SQLException {
        if (limit < 1) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A page of file reports holds at least 1, not " + limit + ".");
        }
        int wanted = (int) Math.min(limit, RUN_FILES_PAGE);
        Pages.Page<RunTable.Numbered> page = Pages.cut(RunTable.files(c, runId, after, wanted + 1), wanted, r -> r, r -> reportBytes(r.file()));
        List<RunTable.Numbered> got = page.items();
        return new RunFilesPage(got.stream().map(RunTable.Numbered::file).toList(), got.isEmpty() ? after : got.get(got.size() - 1).seq(),
                page.more());
    }

    /** File reports a page holds at most (and at most {@link Pages#REPLY_BYTES} of reply). */
    static final int RUN_FILES_PAGE = 20_000;

    /** What a report adds to a reply at most: its texts as a path's, and its SHA-256 and numbers. */
    private static long reportBytes(RunFile f) {
        return Pages.pathEntryBytes(f.server().length() + f.from().length() + f.path().length() + f.operation().length() + f.error().length()) + 120;
    }

    private static Job job(Connection c, String name) throws SQLException {
        return JobTable.byName(c, name).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no job '" + Names.printable(name)
                + "'; 'syncline cli job list' lists them."));
    }

    private static JobRun run(Connection c, long id) throws SQLException {
        return RunTable.byId(c, id).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no run " + id + "."));
    }
}
