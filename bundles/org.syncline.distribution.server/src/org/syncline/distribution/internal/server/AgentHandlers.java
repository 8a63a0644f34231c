package org.syncline.distribution.internal.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.syncline.core.ErrorCode;
import org.syncline.core.Names;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.IngestStats;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.protocol.RequestContext;
import org.syncline.server.api.Enrollment;

/**
 * The master's side of its agents: enrolled agents (and nobody else) say hello and report samples,
 * identified by the member id of their login, never by what a message claims; users list agents and read
 * series; admins read the ingest statistics.
 */
final class AgentHandlers {
    private final CapabilityEndpoint endpoint;
    private final AgentRoster roster;
    private final SampleStore samples;
    private final Predicate<String> alerting;
    private final IngestTimer timer = new IngestTimer();

    AgentHandlers(CapabilityEndpoint endpoint, AgentRoster roster, SampleStore samples, Predicate<String> alerting) {
        this.endpoint = endpoint;
        this.roster = roster;
        this.samples = samples;
        this.alerting = alerting;
    }

    void register() {
        endpoint.topic(DistributionMessages.SAMPLES_TOPIC, Access.USER);
        endpoint.topic(DistributionMessages.AGENT_STATES_TOPIC, Access.USER);
        endpoint.handle(DistributionMessages.AGENT_HELLO, Access.MEMBER, (ctx, body) -> {
            int port = (int) body.number("port");
            if (port < 1 || port > 65535) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "An agent's port must be 1-65535, not " + port + ".");
            }
            List<String> roles = Arrays.stream(body.optString("roles", "").split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
            String name = roster.hello(member(ctx), body.string("name"), host(ctx, body), port, roles,
                    (int) Math.max(1, Math.min(3600, body.optNumber("intervalSeconds", 5))));
            return Json.object("name", name);
        });
        endpoint.handle(DistributionMessages.AGENT_SAMPLE, Access.MEMBER, (ctx, body) -> {
            long start = System.nanoTime();
            String member = member(ctx);
            AgentSample s = roster.sample(member, checked(Json.read(body, AgentSample.class)));
            samples.add(member, s);
            endpoint.publish(DistributionMessages.SAMPLES_TOPIC, DistributionMessages.SAMPLE, Json.tree(s));
            timer.record(System.nanoTime() - start);
            return Json.object();
        });
        endpoint.handle(DistributionMessages.AGENTS, Access.USER, (ctx, body) -> Json.object("agents",
                roster.list(alerting).stream().map(Json::tree).toList()));
        endpoint.handle(DistributionMessages.MONITOR, Access.USER, (ctx, body) -> {
            String name = body.string("agent");
            MasterTopology.PlacedAgent a = roster.byName(name).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                    "There is no agent named '" + Names.printable(name) + "'; 'syncline cli agents' lists them."));
            Instant since;
            try {
                since = Instant.parse(body.string("since"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "since must be an ISO-8601 instant.");
            }
            SampleStore.Series series = samples.series(a.id(), a.name(), since);
            return Json.object("resolution", series.resolution(), "samples", series.samples().stream().map(Json::tree).toList());
        });
        endpoint.handle(DistributionMessages.STATS, Access.ADMIN, (ctx, body) -> {
            long[] t = timer.summary();
            Runtime rt = Runtime.getRuntime();
            return Json.tree(new IngestStats(t[0], t[1], t[2], t[3], samples.queued(), samples.dropped(), rt.totalMemory() - rt.freeMemory()));
        });
    }

    /** A sample the database can store: one bad agent must not fail the batch written with everyone's samples. */
    static AgentSample checked(AgentSample s) {
        boolean ok = Double.isFinite(s.cpuPercent()) && s.cpuPercent() >= 0 && s.cpuPercent() <= 100 && s.memoryUsed() >= 0
                && s.memoryTotal() >= 0 && s.sessions() >= 0 && s.uptimeSeconds() >= 0 && s.netInPerSecond() >= -1 && s.netOutPerSecond() >= -1
                && s.disks().size() <= 64 && s.disks().stream().allMatch(d -> d.path().length() <= 1024 && d.free() >= 0 && d.total() >= 0);
        if (!ok) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "The sample has a value out of range (CPU 0-100, sizes and counts not "
                    + "negative, at most 64 watched paths of at most 1024 characters).");
        }
        return s;
    }

    private static String member(RequestContext ctx) {
        return Enrollment.memberId(ctx.principal()).orElseThrow(() -> new SynclineException(ErrorCode.ACCESS_DENIED,
                "Only an agent that joined this master may report as one."));
    }

    /** The host the agent names, else the address its connection comes from. */
    private static String host(RequestContext ctx, JsonObject body) {
        String host = body.optString("host", "");
        if (host.isBlank() && ctx.remoteAddress() instanceof InetSocketAddress a) {
            host = a.getAddress().getHostAddress();
        }
        if (!host.matches("[A-Za-z0-9.:_\\[\\]-]{1,255}")) {
            throw new SynclineException(ErrorCode.BAD_REQUEST, "An agent's host must be a host name or address, not '" + Names.printable(host) + "'.");
        }
        return host;
    }
}
