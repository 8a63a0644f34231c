package org.syncline.distribution.internal.server;

import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;

/** The {@code distribution.manage.*} messages: anyone lists who holds the distribution-manage right; admins grant and revoke it. */
final class ManageHandlers {
    private final CapabilityEndpoint endpoint;
    private final ManageGrants grants;

    ManageHandlers(CapabilityEndpoint endpoint, ManageGrants grants) {
        this.endpoint = endpoint;
        this.grants = grants;
    }

    void register() {
        endpoint.handle(DistributionMessages.MANAGE_LIST, Access.USER, (ctx, body) -> Json.object("grants",
                grants.all().stream().map(Json::tree).toList()));
        endpoint.handle(DistributionMessages.MANAGE_GRANT, Access.ADMIN, (ctx, body) -> Json.tree(
                grants.grant(body.string("kind"), body.string("subject"), ctx.principal().name())));
        endpoint.handle(DistributionMessages.MANAGE_REVOKE, Access.ADMIN, (ctx, body) -> Json.tree(
                grants.revoke(body.string("kind"), body.string("subject"))));
    }
}
