package org.syncline.distribution.internal.server;

import java.util.List;

import org.syncline.core.ErrorCode;
import org.syncline.core.RelativePath;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.server.api.Enrollment;

/**
 * The master's side of real-time triggers: an enrolled agent (identified by its login's member id, never by what
 * a message claims) asks which paths to watch and reports what changed below them.
 */
final class TriggerHandlers {
    private static final int MAX_PATHS = 10_000;
    private final CapabilityEndpoint endpoint;
    private final AgentRoster roster;
    private final JobTriggers triggers;

    TriggerHandlers(CapabilityEndpoint endpoint, AgentRoster roster, JobTriggers triggers) {
        this.endpoint = endpoint;
        this.roster = roster;
        this.triggers = triggers;
    }

    void register() {
        endpoint.handle(DistributionMessages.AGENT_WATCHES, Access.MEMBER, (ctx, body) -> Json.object("paths", List.copyOf(triggers.watches(
                agent(ctx)))));
        endpoint.handle(DistributionMessages.AGENT_CHANGES, Access.MEMBER, (ctx, body) -> {
            String agent = agent(ctx);
            List<String> paths = body.list("paths", String.class);
            if (paths.size() > MAX_PATHS) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "A change report names at most " + MAX_PATHS + " paths, not " + paths.size() + ".");
            }
            triggers.changed(agent, paths.stream().map(p -> RelativePath.parse(p).toString()).toList());
            return Json.object();
        });
    }

    private String agent(RequestContext ctx) {
        String member = Enrollment.memberId(ctx.principal()).orElseThrow(() -> new SynclineException(ErrorCode.ACCESS_DENIED,
                "Only an agent that joined this master may report changes as one."));
        return roster.nameOf(member).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "This agent is not in the topology; say hello first."));
    }
}
