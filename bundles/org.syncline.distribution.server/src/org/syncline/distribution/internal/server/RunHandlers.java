package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.SQLException;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
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
        endpoint.handle(DistributionMessages.JOB_RUN_FILES, Access.USER, (ctx, body) -> Json.object("files", database.inTransaction(c -> {
            long id = run(c, body.number("id")).id();
            return RunTable.files(c, id);
        }).stream().map(Json::tree).toList()));
    }

    private static Job job(Connection c, String name) throws SQLException {
        return JobTable.byName(c, name).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no job '" + Names.printable(name)
                + "'; 'syncline cli job list' lists them."));
    }

    private static JobRun run(Connection c, long id) throws SQLException {
        return RunTable.byId(c, id).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no run " + id + "."));
    }
}
