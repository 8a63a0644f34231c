package org.syncline.distribution.internal.server;

import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.TopologySaved;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;

/**
 * The {@code distribution.topology.*} messages. Reading is open to every logged-in user; saving needs the
 * admin role or the distribution-manage right (checked by the handler before it reads the upload). Every accepted save (and every agent placed
 * in the Unassigned pool) is pushed to every subscriber.
 */
final class TopologyHandlers {
    private final CapabilityEndpoint endpoint;
    private final MasterTopology topology;
    private final Logger log;
    private final ManageGrants manage;

    TopologyHandlers(CapabilityEndpoint endpoint, MasterTopology topology, Logger log, ManageGrants manage) {
        this.endpoint = endpoint;
        this.topology = topology;
        this.log = log;
        this.manage = manage;
    }

    void register() {
        endpoint.topic(DistributionMessages.TOPOLOGY_TOPIC, Access.USER);
        // every save, a user's or an enrolling agent's, is logged and pushed once committed
        topology.onSaved(v -> {
            log.info(() -> "Topology version " + v.version() + " saved by " + v.savedBy() + ": " + v.summary());
            endpoint.publish(DistributionMessages.TOPOLOGY_TOPIC, DistributionMessages.TOPOLOGY_CHANGED, Json.tree(v));
        });
        endpoint.handle(DistributionMessages.TOPOLOGY_INFO, Access.USER, (ctx, body) -> Json.tree(topology.current()));
        endpoint.handleDownload(DistributionMessages.TOPOLOGY_GET, Access.USER, (ctx, body, out) -> Json.tree(topology.write(out)));
        endpoint.handleUpload(DistributionMessages.TOPOLOGY_SAVE, Access.USER, (ctx, body, data) -> {
            manage.require(ctx.principal(), "save the topology");
            long base = body.optNumber("baseVersion", -1);
            if (base < 0) {
                throw new SynclineException(ErrorCode.BAD_REQUEST, "A save names the version it was made on (baseVersion, 0 or more).");
            }
            TopologySaved saved = topology.save(ctx.principal().name(), data, base);
            return Json.tree(saved);
        });
    }
}
