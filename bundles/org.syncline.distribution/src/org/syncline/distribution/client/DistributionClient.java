package org.syncline.distribution.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.TopologySaved;
import org.syncline.distribution.TopologyVersion;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.xmi.TopologyXmi;
import org.syncline.protocol.Connection;

/** The topology on the master, over a {@link Connection}: read, save against a version, follow saves by push. */
public final class DistributionClient {
    private final Connection connection;

    public DistributionClient(Connection connection) {
        this.connection = connection;
    }

    /** A topology with the version it was read at: save changes to it against that version. */
    public record Loaded(Deployment deployment, TopologyVersion version) {
    }

    public TopologyVersion info() {
        return Json.read(connection.request(DistributionMessages.TOPOLOGY_INFO, Json.object()), TopologyVersion.class);
    }

    /** Streams the current topology's XMI to {@code xmi}; returns the version it is. */
    public TopologyVersion get(OutputStream xmi) {
        return Json.read(connection.download(DistributionMessages.TOPOLOGY_GET, Json.object(), xmi), TopologyVersion.class);
    }

    /** The current topology as a model (a topology is a model people edit: it is held whole). */
    public Loaded load() {
        ByteArrayOutputStream xmi = new ByteArrayOutputStream();
        TopologyVersion v = get(xmi);
        return new Loaded(TopologyXmi.read(new ByteArrayInputStream(xmi.toByteArray())), v);
    }

    /** Saves {@code d} as the version after {@code baseVersion}; refused when someone saved after it. */
    public TopologySaved save(Deployment d, long baseVersion) {
        return save(new ByteArrayInputStream(TopologyXmi.bytes(d)), baseVersion);
    }

    /** Saves the XMI read from {@code xmi} (streamed) as the version after {@code baseVersion}. */
    public TopologySaved save(InputStream xmi, long baseVersion) {
        return Json.read(connection.upload(DistributionMessages.TOPOLOGY_SAVE, Json.object("baseVersion", baseVersion), xmi), TopologySaved.class);
    }

    /** Calls {@code listener} with each new version anyone saves, until the returned handle is closed. */
    public AutoCloseable watchTopology(Consumer<TopologyVersion> listener) {
        Consumer<JsonObject> push = body -> listener.accept(Json.read(body, TopologyVersion.class));
        connection.onPush(DistributionMessages.TOPOLOGY_CHANGED, push);
        connection.subscribe(DistributionMessages.TOPOLOGY_TOPIC);
        return () -> connection.removePushListener(DistributionMessages.TOPOLOGY_CHANGED, push);
    }
}
