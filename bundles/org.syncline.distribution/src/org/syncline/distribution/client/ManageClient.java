package org.syncline.distribution.client;

import java.util.List;

import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.ManageGrant;
import org.syncline.protocol.Connection;

/** Who holds the distribution-manage right on a master (anyone reads; admins grant and revoke). */
public final class ManageClient {
    private final Connection connection;

    public ManageClient(Connection connection) {
        this.connection = connection;
    }

    public List<ManageGrant> grants() {
        return connection.request(DistributionMessages.MANAGE_LIST, Json.object()).list("grants", ManageGrant.class);
    }

    /** @param kind {@link ManageGrant#USER} or {@link ManageGrant#GROUP} */
    public ManageGrant grant(String kind, String subject) {
        return Json.read(connection.request(DistributionMessages.MANAGE_GRANT, Json.object("kind", kind, "subject", subject)), ManageGrant.class);
    }

    public ManageGrant revoke(String kind, String subject) {
        return Json.read(connection.request(DistributionMessages.MANAGE_REVOKE, Json.object("kind", kind, "subject", subject)), ManageGrant.class);
    }
}
