package org.syncline.distribution.internal.server;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobChange;
import org.syncline.distribution.routing.JobTargets;
import org.syncline.distribution.routing.RoutePlanner;
import org.syncline.model.topology.Deployment;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.store.Database;

/**
 * The {@code distribution.job.*} messages on the master. Any user lists and reads jobs; creating, changing,
 * enabling, disabling and removing need the admin role or the distribution-manage right (checked by each
 * handler first, see {@link ManageGrants}). Any user may also ask for the tree a run would take now.
 * A definition is checked against the current topology, and
 * each change is one transaction, pushed to subscribers once committed.
 */
final class JobHandlers {
    private final CapabilityEndpoint endpoint;
    private final Database database;
    private final MasterTopology topology;
    private final Clock clock;
    private final Supplier<List<AgentInfo>> agents;
    private final ManageGrants manage;

    /** @param agents the agents with their live state now (online, offline, overloaded, alerting) */
    JobHandlers(CapabilityEndpoint endpoint, Database database, MasterTopology topology, Clock clock, Supplier<List<AgentInfo>> agents,
            ManageGrants manage) {
        this.manage = manage;
        this.endpoint = endpoint;
        this.database = database;
        this.topology = topology;
        this.clock = clock;
        this.agents = agents;
    }

    void register() {
        endpoint.topic(DistributionMessages.JOBS_TOPIC, Access.USER);
        endpoint.handle(DistributionMessages.JOB_LIST, Access.USER, (ctx, body) -> Json.object("jobs",
                database.inTransaction(JobTable::all).stream().map(Json::tree).toList()));
        endpoint.handle(DistributionMessages.JOB_GET, Access.USER, (ctx, body) -> {
            String name = body.string("name");
            return Json.tree(database.inTransaction(c -> existing(c, name)));
        });
        endpoint.handle(DistributionMessages.JOB_PLAN, Access.USER, (ctx, body) -> {
            String name = body.string("name");
            Job j = database.inTransaction(c -> existing(c, name));
            Deployment d = topology.model();
            Set<String> online = agents.get().stream().filter(a -> a.state().equals(AgentInfo.ONLINE)).map(AgentInfo::name).collect(Collectors.toSet());
            return Json.tree(RoutePlanner.plan(d, j.source(), JobTargets.servers(j, d), online::contains, j.typeTags()));
        });
        endpoint.handle(DistributionMessages.JOB_CREATE, Access.USER, (ctx, body) -> {
            manage.require(ctx.principal(), "create a job");
            Job j = JobValidation.check(Json.read(body, Job.class), topology.model());
            String by = ctx.principal().name();
            Job stored = database.inTransaction(c -> {
                if (JobTable.byName(c, j.name()).isPresent()) {
                    throw new SynclineException(ErrorCode.ALREADY_EXISTS, "A job named '" + j.name() + "' exists already; choose another name or edit it.");
                }
                return JobTable.insert(c, j, by, clock.instant());
            });
            return changed("created", stored, by);
        });
        endpoint.handle(DistributionMessages.JOB_UPDATE, Access.USER, (ctx, body) -> {
            String name = body.string("name");
            manage.require(ctx.principal(), "edit job '" + Names.printable(name) + "'");
            Job j = JobValidation.check(Json.read(body.object("job"), Job.class), topology.model());
            String by = ctx.principal().name();
            Job stored = database.inTransaction(c -> {
                Job old = existing(c, name);
                if (!j.name().equals(name) && JobTable.byName(c, j.name()).isPresent()) {
                    throw new SynclineException(ErrorCode.ALREADY_EXISTS, "A job named '" + j.name() + "' exists already; choose another name.");
                }
                return JobTable.update(c, old, j, by, clock.instant());
            });
            return changed("updated", stored, by);
        });
        endpoint.handle(DistributionMessages.JOB_ENABLE, Access.USER, (ctx, body) -> enabled(body, ctx.principal(), true));
        endpoint.handle(DistributionMessages.JOB_DISABLE, Access.USER, (ctx, body) -> enabled(body, ctx.principal(), false));
        endpoint.handle(DistributionMessages.JOB_REMOVE, Access.USER, (ctx, body) -> {
            String name = body.string("name");
            manage.require(ctx.principal(), "remove job '" + Names.printable(name) + "'");
            Job removed = database.inTransaction(c -> {
                Job old = existing(c, name);
                JobTable.delete(c, old.id());
                OutOfDateTable.clearJob(c, old.id());
                return old;
            });
            return changed("removed", removed, ctx.principal().name());
        });
    }

    private Map<String, Object> enabled(JsonObject body, org.syncline.protocol.Principal p, boolean on) {
        String name = body.string("name");
        manage.require(p, (on ? "enable" : "disable") + " job '" + Names.printable(name) + "'");
        String by = p.name();
        Job stored = database.inTransaction(c -> JobTable.setEnabled(c, existing(c, name), on, by, clock.instant()));
        return changed(on ? "enabled" : "disabled", stored, by);
    }

    private Map<String, Object> changed(String change, Job job, String by) {
        endpoint.publish(DistributionMessages.JOBS_TOPIC, DistributionMessages.JOB_CHANGED, Json.tree(new JobChange(change, job, by)));
        return Json.tree(job);
    }

    private static Job existing(java.sql.Connection c, String name) throws java.sql.SQLException {
        return JobTable.byName(c, name).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no job '" + Names.printable(name)
                + "'; 'syncline cli job list' lists them."));
    }
}
