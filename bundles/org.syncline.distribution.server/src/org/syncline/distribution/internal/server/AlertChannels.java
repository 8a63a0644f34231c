package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.OutboxEntry;
import org.syncline.protocol.CapabilityEndpoint;
import org.syncline.store.Database;

/**
 * Where raised and cleared alerts go: a push to every subscribed client once the alert is committed, and
 * each configured outside channel (e-mail, webhook) through the outbox in Derby, written in the alert's own
 * transaction. {@link #deliverDue()} sends what is due on the channels' own thread: a failure is kept as
 * the reason and tried again after a growing pause (base x 2^(attempts-1), at most 10 minutes) until the
 * attempt limit, then the entry is failed with its reason. After a restart every pending entry is tried at
 * once. Nothing here blocks the evaluation.
 */
final class AlertChannels implements AlertBook.Channels {
    private static final Logger LOG = Logger.getLogger(AlertChannels.class.getName());
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);
    private static final Duration KEEP_DELIVERED = Duration.ofDays(7);
    private static final int BATCH = 100;
    private final CapabilityEndpoint endpoint;
    private final Database database;
    private final Map<String, OutsideChannel> outside = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration firstPause;
    private final int attemptLimit;
    private boolean restarted = true;
    private Instant lastPurge = Instant.EPOCH;

    /** E-mail or webhook: delivers one event or throws saying why not. Its name identifies it in the outbox. */
    interface OutsideChannel {
        String name();

        void deliver(AlertEvent event) throws Exception;
    }

    /**
     * @param firstPause the pause after the first failed attempt (doubled after each further one)
     * @param attemptLimit attempts after which an entry is given up
     */
    AlertChannels(CapabilityEndpoint endpoint, Database database, List<OutsideChannel> outside, Clock clock, Duration firstPause, int attemptLimit) {
        this.endpoint = endpoint;
        this.database = database;
        outside.forEach(c -> this.outside.put(c.name(), c));
        this.clock = clock;
        this.firstPause = firstPause;
        this.attemptLimit = attemptLimit;
    }

    @Override
    public void record(Connection c, AlertEvent event) throws SQLException {
        Instant now = clock.instant();
        for (String channel : outside.keySet()) {
            OutboxTable.enqueue(c, channel, event, now);
        }
    }

    @Override
    public void accept(AlertEvent event) {
        endpoint.publish(DistributionMessages.ALERTS_TOPIC, DistributionMessages.ALERT, Json.tree(event));
    }

    /** Tries every outbox entry that is due (every pending one in the first round after a start); one thread only. */
    void deliverDue() {
        Instant now = clock.instant();
        long dueBy = restarted ? Long.MAX_VALUE : now.toEpochMilli();
        List<OutboxTable.Due> due = database.inTransaction(c -> OutboxTable.due(c, dueBy, BATCH));
        restarted = false;
        for (OutboxTable.Due d : due) {
            deliver(d.entry(), d.body());
        }
        if (now.isAfter(lastPurge.plus(Duration.ofHours(1)))) {
            lastPurge = now;
            database.inTransaction(c -> OutboxTable.purgeDelivered(c, now.minus(KEEP_DELIVERED)));
        }
    }

    private void deliver(OutboxEntry e, String body) {
        OutsideChannel channel = outside.get(e.channel());
        int attempts = e.attempts() + 1;
        if (channel == null) {
            database.inTransaction(c -> {
                OutboxTable.failed(c, e.id(), e.attempts(), clock.instant(), "This master no longer has the channel " + e.channel()
                        + " (its --set distribution.* settings changed since the alert).");
                return null;
            });
            return;
        }
        try {
            channel.deliver(Json.read(JsonObject.parse(body), AlertEvent.class));
            database.inTransaction(c -> {
                OutboxTable.delivered(c, e.id(), attempts, clock.instant());
                return null;
            });
        } catch (Exception failure) {
            String why = reason(failure);
            Instant now = clock.instant();
            if (attempts >= attemptLimit) {
                LOG.warning(() -> "Giving up sending alert " + e.alertId() + " (" + e.event() + ") by " + e.channel() + " after " + attempts
                        + " attempts: " + why);
                database.inTransaction(c -> {
                    OutboxTable.failed(c, e.id(), attempts, now, "Gave up after " + attempts + " attempts: " + why);
                    return null;
                });
                return;
            }
            Duration pause = pause(attempts);
            LOG.warning(() -> "Sending alert " + e.alertId() + " (" + e.event() + ") by " + e.channel() + " failed: " + why + "; trying again in "
                    + pause.toSeconds() + " s");
            database.inTransaction(c -> {
                OutboxTable.retry(c, e.id(), attempts, now.plus(pause), why);
                return null;
            });
        }
    }

    /** The first message along the causes ("Connection refused"), else the failure's kind. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** The pause after {@code attempts} failed attempts. */
    Duration pause(int attempts) {
        long millis = firstPause.toMillis() << Math.min(Math.max(0, attempts - 1), 20);
        return Duration.ofMillis(Math.min(millis, LONGEST_PAUSE.toMillis()));
    }
}
