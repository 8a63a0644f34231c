package org.syncline.distribution.internal.server;

import java.util.List;
import java.util.Set;

import org.syncline.distribution.DistributionMessages;
import org.syncline.server.api.Capability;
import org.syncline.server.api.ServerContext;
import org.syncline.store.Migration;

/**
 * Distribution on a master: it keeps the topology (versions in the server's database) and pushes every
 * save to the editors and agents that follow it. Agents, monitoring and replication come next.
 */
public final class DistributionCapability implements Capability {
    @Override
    public String name() {
        return DistributionMessages.CAPABILITY;
    }

    @Override
    public Set<String> roles() {
        return Set.of("master");
    }

    @Override
    public List<Migration> migrations() {
        return TopologyTable.MIGRATIONS;
    }

    @Override
    public AutoCloseable start(ServerContext context) {
        new TopologyHandlers(context.endpoint(), new MasterTopology(context.database()), context.log()).register();
        return () -> {
            // handlers go with the endpoint; nothing else runs
        };
    }
}
