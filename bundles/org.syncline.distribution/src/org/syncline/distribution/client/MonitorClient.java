package org.syncline.distribution.client;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.AgentSample;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.IngestStats;
import org.syncline.protocol.Connection;

/** The agents a master knows and their samples: list, series since a time, live samples by push. */
public final class MonitorClient {
    private final Connection connection;

    public MonitorClient(Connection connection) {
        this.connection = connection;
    }

    /** A series: {@code raw} samples, or {@code minute} averages for ranges older than the raw retention. */
    public record Series(String resolution, List<AgentSample> samples) {
    }

    public List<AgentInfo> agents() {
        return connection.request(DistributionMessages.AGENTS, Json.object()).list("agents", AgentInfo.class);
    }

    public Series monitor(String agent, Instant since) {
        JsonObject a = connection.request(DistributionMessages.MONITOR, Json.object("agent", agent, "since", since.toString()));
        return new Series(a.string("resolution"), a.list("samples", AgentSample.class));
    }

    public IngestStats stats() {
        return Json.read(connection.request(DistributionMessages.STATS, Json.object()), IngestStats.class);
    }

    /** Calls {@code listener} with every sample any agent reports, until the returned handle is closed. */
    public AutoCloseable watchSamples(Consumer<AgentSample> listener) {
        Consumer<JsonObject> push = body -> listener.accept(Json.read(body, AgentSample.class));
        connection.onPush(DistributionMessages.SAMPLE, push);
        connection.subscribe(DistributionMessages.SAMPLES_TOPIC);
        return () -> connection.removePushListener(DistributionMessages.SAMPLE, push);
    }

    /** Calls {@code listener} with an agent each time the master changes its state, until the returned handle is closed. */
    public AutoCloseable watchStates(Consumer<AgentInfo> listener) {
        Consumer<JsonObject> push = body -> listener.accept(Json.read(body, AgentInfo.class));
        connection.onPush(DistributionMessages.AGENT_STATE, push);
        connection.subscribe(DistributionMessages.AGENT_STATES_TOPIC);
        return () -> connection.removePushListener(DistributionMessages.AGENT_STATE, push);
    }
}
