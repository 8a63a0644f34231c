package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.AlertRule;
import org.syncline.store.Database;

/**
 * The open alerts, one per rule and target: raising one that is open does nothing, clearing one that is not
 * does nothing, so each alert is raised once and cleared once. Open alerts are reloaded at start, so a
 * restarted master neither raises them again nor forgets to clear them. Every raise and clear goes to
 * {@code channels}: recorded in the alert's own transaction (the outbox), then handed over after the commit.
 */
final class AlertBook {
    private final Database database;
    private final Clock clock;
    private final Channels channels;
    private final Map<String, Alert> open = new ConcurrentHashMap<>();

    /** Where raises and clears go: {@link #record} in the alert's transaction, {@link #accept} after it committed. */
    interface Channels extends Consumer<AlertEvent> {
        default void record(Connection c, AlertEvent event) throws SQLException {
        }
    }

    AlertBook(Database database, Clock clock, Channels channels) {
        this.database = database;
        this.clock = clock;
        this.channels = channels;
        database.inTransaction(c -> AlertTables.alerts(c, false, Integer.MAX_VALUE)).forEach(a -> open.put(key(a.ruleId(), a.target()), a));
    }

    private static String key(long rule, String target) {
        return rule + "\u0000" + target;
    }

    synchronized void raise(AlertRule rule, String target, String message) {
        String k = key(rule.id(), target);
        if (open.containsKey(k)) {
            return;
        }
        AlertEvent raised = database.inTransaction(c -> {
            AlertEvent e = new AlertEvent(AlertEvent.RAISED, AlertTables.insertAlert(c, rule, target, clock.instant(), message));
            channels.record(c, e);
            return e;
        });
        open.put(k, raised.alert());
        channels.accept(raised);
    }

    synchronized void clear(long ruleId, String target) {
        Alert a = open.remove(key(ruleId, target));
        if (a == null) {
            return;
        }
        Instant now = clock.instant();
        AlertEvent cleared = new AlertEvent(AlertEvent.CLEARED, new Alert(a.id(), a.ruleId(), a.rule(), a.target(), a.raisedAt(),
                Instant.ofEpochMilli(now.toEpochMilli()), a.message()));
        database.inTransaction(c -> {
            AlertTables.clear(c, a.id(), now);
            channels.record(c, cleared);
            return null;
        });
        channels.accept(cleared);
    }

    /** Clears every open alert of a rule (the rule was removed). */
    void clearRule(long ruleId) {
        open.values().stream().filter(a -> a.ruleId() == ruleId).toList().forEach(a -> clear(ruleId, a.target()));
    }

    boolean isOpen(long ruleId, String target) {
        return open.containsKey(key(ruleId, target));
    }

    /** Whether any open alert is about {@code target}. */
    boolean anyOpenFor(String target) {
        return open.values().stream().anyMatch(a -> a.target().equals(target));
    }

    List<Alert> openAlerts() {
        return List.copyOf(open.values());
    }
}
