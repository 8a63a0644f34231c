package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
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
 * once. Nothing here blocks the evaluation. Admins retry an entry now or discard it ({@link #retryNow},
 * {@link #discard}); every new entry and every change of one goes to {@link #onChange} listeners.
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
    private volatile Consumer<OutboxEntry> changes = e -> { };

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
        if (!outside.isEmpty()) {
            database.inTransaction(c -> OutboxTable.ofEvent(c, event.alert().id(), event.event())).forEach(this::changed);
        }
    }

    /** Tells {@code listener} of every new outbox entry and every change of one (the entry as it is then). */
    void onChange(Consumer<OutboxEntry> listener) {
        changes = listener;
    }

    /**
     * Retry now: a pending entry is due at once, a given-up one is pending again with its attempts from 0. The
     * sender takes it at its next round (within a second).
     */
    OutboxEntry retryNow(long id) {
        OutboxEntry e = database.inTransaction(c -> {
            OutboxEntry found = open(c, id, "retried");
            int attempts = found.state().equals(OutboxEntry.FAILED) ? 0 : found.attempts();
            OutboxTable.retryNow(c, id, attempts, clock.instant(), found.reason());
            return OutboxTable.entry(c, id).orElseThrow();
        });
        changed(e);
        return e;
    }

    /** Discard: the entry is never sent; {@code by} (the admin) is kept in its reason. */
    OutboxEntry discard(long id, String by) {
        OutboxEntry e = database.inTransaction(c -> {
            OutboxEntry found = open(c, id, "discarded");
            OutboxTable.discard(c, id, found.attempts(), clock.instant(), "Discarded by " + by
                    + (found.reason().isBlank() ? "." : "; the last failure: " + found.reason()));
            return OutboxTable.entry(c, id).orElseThrow();
        });
        changed(e);
        return e;
    }

    private static OutboxEntry open(Connection c, long id, String verb) throws SQLException {
        OutboxEntry e = OutboxTable.entry(c, id).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND, "There is no outbox entry " + id
                + "; 'syncline cli alert outbox --all' lists them."));
        if (!e.isOpen()) {
            throw new SynclineException(ErrorCode.CONFLICT, "Outbox entry " + id + " is " + e.state() + " already; only pending or given-up "
                    + "(failed) entries can be " + verb + ".");
        }
        return e;
    }

    private void changed(OutboxEntry e) {
        changes.accept(e);
    }

    private void changed(long id) {
        database.inTransaction(c -> OutboxTable.entry(c, id)).ifPresent(this::changed);
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
            changed(e.id());
            return;
        }
        try {
            channel.deliver(Json.read(JsonObject.parse(body), AlertEvent.class));
            database.inTransaction(c -> {
                OutboxTable.delivered(c, e.id(), attempts, clock.instant());
                return null;
            });
            changed(e.id());
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
                changed(e.id());
                return;
            }
            Duration pause = pause(attempts);
            LOG.warning(() -> "Sending alert " + e.alertId() + " (" + e.event() + ") by " + e.channel() + " failed: " + why + "; trying again in "
                    + pause.toSeconds() + " s");
            database.inTransaction(c -> {
                OutboxTable.retry(c, e.id(), attempts, now.plus(pause), why);
                return null;
            });
            changed(e.id());
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
