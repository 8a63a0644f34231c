package org.syncline.distribution.client;

import java.util.List;
import java.util.function.Consumer;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.OutboxEntry;
import org.syncline.protocol.Connection;

/** Admins: the master's alert outbox (e-mail and webhook deliveries): list it, follow it, retry or discard an entry. */
public final class OutboxClient {
    private final Connection connection;

    public OutboxClient(Connection connection) {
        this.connection = connection;
    }

    /** The deliveries pending or given up (with {@code all} also the delivered and discarded ones), newest first. */
    public List<OutboxEntry> entries(boolean all) {
        return connection.request(DistributionMessages.ALERT_OUTBOX, Json.object("all", all)).list("entries", OutboxEntry.class);
    }

    /** Tries a pending or given-up entry again now; answers the entry as it is then. */
    public OutboxEntry retry(long id) {
        return Json.read(connection.request(DistributionMessages.ALERT_OUTBOX_RETRY, Json.object("id", id)), OutboxEntry.class);
    }

    /** Makes sure a pending or given-up entry is never sent; answers the entry as it is then. */
    public OutboxEntry discard(long id) {
        return Json.read(connection.request(DistributionMessages.ALERT_OUTBOX_DISCARD, Json.object("id", id)), OutboxEntry.class);
    }

    /** Calls {@code listener} with each new or changed entry, until the returned handle is closed. */
    public AutoCloseable watch(Consumer<OutboxEntry> listener) {
        Consumer<JsonObject> push = body -> listener.accept(Json.read(body, OutboxEntry.class));
        connection.onPush(DistributionMessages.OUTBOX_CHANGED, push);
        connection.subscribe(DistributionMessages.OUTBOX_TOPIC);
        return () -> connection.removePushListener(DistributionMessages.OUTBOX_CHANGED, push);
    }
}
