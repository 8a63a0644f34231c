package org.syncline.distribution.client;

import java.util.List;
import java.util.function.Consumer;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.AlertRule;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Connection;

/** Alert rules (admins change them) and alerts (anyone reads and follows them) on a master. */
public final class AlertsClient {
    private final Connection connection;

    public AlertsClient(Connection connection) {
        this.connection = connection;
    }

    /** The open alerts, or with {@code all} every alert with its history; newest first. */
    public List<Alert> alerts(boolean all) {
        return connection.request(DistributionMessages.ALERT_LIST, Json.object("all", all)).list("alerts", Alert.class);
    }

    public List<AlertRule> rules() {
        return connection.request(DistributionMessages.ALERT_RULES, Json.object()).list("rules", AlertRule.class);
    }

    public AlertRule add(AlertRule rule) {
        return Json.read(connection.request(DistributionMessages.ALERT_RULE_ADD, Json.tree(rule)), AlertRule.class);
    }

    public AlertRule remove(long id) {
        return Json.read(connection.request(DistributionMessages.ALERT_RULE_REMOVE, Json.object("id", id)), AlertRule.class);
    }

    /** Calls {@code listener} with each alert raised or cleared, until the returned handle is closed. */
    public AutoCloseable watchAlerts(Consumer<AlertEvent> listener) {
        Consumer<JsonObject> push = body -> listener.accept(Json.read(body, AlertEvent.class));
        connection.onPush(DistributionMessages.ALERT, push);
        connection.subscribe(DistributionMessages.ALERTS_TOPIC);
        return () -> connection.removePushListener(DistributionMessages.ALERT, push);
    }
}
