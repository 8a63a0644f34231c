package org.syncline.distribution.internal.server;

import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Access;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.store.Database;

/**
 * The alert outbox for admins: list it, follow its changes (pushed), retry an entry now or discard it. Every
 * message and the topic need the admin role.
 */
final class OutboxHandlers {
    private final CapabilityEndpoint endpoint;
    private final Database database;
    private final AlertChannels channels;

    OutboxHandlers(CapabilityEndpoint endpoint, Database database, AlertChannels channels) {
        this.endpoint = endpoint;
        this.database = database;
        this.channels = channels;
    }

    void register() {
        endpoint.topic(DistributionMessages.OUTBOX_TOPIC, Access.ADMIN);
        channels.onChange(e -> endpoint.publish(DistributionMessages.OUTBOX_TOPIC, DistributionMessages.OUTBOX_CHANGED, Json.tree(e)));
        endpoint.handle(DistributionMessages.ALERT_OUTBOX, Access.ADMIN, (ctx, body) -> Json.object("entries",
                database.inTransaction(c -> OutboxTable.list(c, body.optBool("all", false), 10_000)).stream().map(Json::tree).toList()));
        endpoint.handle(DistributionMessages.ALERT_OUTBOX_RETRY, Access.ADMIN, (ctx, body) -> Json.tree(channels.retryNow(body.number("id"))));
        endpoint.handle(DistributionMessages.ALERT_OUTBOX_DISCARD, Access.ADMIN, (ctx, body) -> Json.tree(channels.discard(body.number("id"),
                ctx.principal().name())));
    }
}
