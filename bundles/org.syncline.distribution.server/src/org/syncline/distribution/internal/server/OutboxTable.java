package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.syncline.core.json.Json;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.OutboxEntry;
import org.syncline.store.Migration;

/**
 * The SQL of distribution_outbox: one row per alert event and outside channel, written in the transaction
 * that records the alert, so a master that stops before sending still has it. The body is the JSON the
 * channel gets; times are epoch milliseconds (0: not yet).
 */
final class OutboxTable {
    static final Migration MIGRATION = Migration.sql(8, "the alert outbox (e-mail and webhook deliveries)", """
            CREATE TABLE distribution_outbox (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                channel VARCHAR(2048) NOT NULL,
                alert_id BIGINT NOT NULL,
                event VARCHAR(16) NOT NULL,
                target VARCHAR(255) NOT NULL,
                body VARCHAR(8000) NOT NULL,
                state VARCHAR(16) NOT NULL,
                attempts INT NOT NULL,
                created_ms BIGINT NOT NULL,
                next_ms BIGINT NOT NULL,
                done_ms BIGINT NOT NULL,
                reason VARCHAR(1000) NOT NULL)""",
            "CREATE INDEX distribution_outbox_due ON distribution_outbox (state, next_ms)");
    private static final int REASON_MAX = 1000;
    private static final String COLUMNS = "id, channel, alert_id, event, target, state, attempts, created_ms, next_ms, done_ms, reason, body";

    /** A row to send: the entry and the JSON body its channel gets. */
    record Due(OutboxEntry entry, String body) {
    }

    private OutboxTable() {
    }

    static void enqueue(Connection c, String channel, AlertEvent event, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_outbox (channel, alert_id, event, target, body, state, "
                + "attempts, created_ms, next_ms, done_ms, reason) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 0, '')")) {
            ps.setString(1, channel);
            ps.setLong(2, event.alert().id());
            ps.setString(3, event.event());
            ps.setString(4, event.alert().target());
            ps.setString(5, Json.write(Json.tree(event)));
            ps.setString(6, OutboxEntry.PENDING);
            ps.setLong(7, now.toEpochMilli());
            ps.setLong(8, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Pending rows whose next attempt is at or before {@code dueBy} (epoch ms), oldest first. */
    static List<Due> due(Connection c, long dueBy, int limit) throws SQLException {
        List<Due> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM distribution_outbox WHERE state = ? AND next_ms <= ? ORDER BY id")) {
            ps.setMaxRows(limit);
            ps.setString(1, OutboxEntry.PENDING);
            ps.setLong(2, dueBy);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(entry(rs), rs.getString(12)));
                }
            }
        }
        return out;
    }

    /** Pending and failed rows, or with {@code all} also the delivered and discarded ones; newest first. */
    static List<OutboxEntry> list(Connection c, boolean all, int limit) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM distribution_outbox"
                + (all ? "" : " WHERE state IN ('" + OutboxEntry.PENDING + "', '" + OutboxEntry.FAILED + "')") + " ORDER BY id DESC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
        }
        return out;
    }

    /** The row {@code id}, if there is one. */
    static Optional<OutboxEntry> entry(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM distribution_outbox WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /** The rows one alert event put in the outbox (one per channel), in order. */
    static List<OutboxEntry> ofEvent(Connection c, long alertId, String event) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM distribution_outbox WHERE alert_id = ? AND event = ? ORDER BY id")) {
            ps.setLong(1, alertId);
            ps.setString(2, event);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
        }
        return out;
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11));
    }

    static void delivered(Connection c, long id, int attempts, Instant now) throws SQLException {
        update(c, id, OutboxEntry.DELIVERED, attempts, 0, now.toEpochMilli(), "");
    }

    /** A failed attempt: tried again at {@code next}, the failure kept as the reason. */
    static void retry(Connection c, long id, int attempts, Instant next, String reason) throws SQLException {
        update(c, id, OutboxEntry.PENDING, attempts, next.toEpochMilli(), 0, reason);
    }

    /** Given up: never tried again, the reason kept. */
    static void failed(Connection c, long id, int attempts, Instant now, String reason) throws SQLException {
        update(c, id, OutboxEntry.FAILED, attempts, 0, now.toEpochMilli(), reason);
    }

    /**
     * An admin's Retry now: pending again and due at {@code now}; {@code attempts} counted from there. Only while the
     * row is pending or failed (false: it was delivered or discarded meanwhile).
     */
    static boolean retryNow(Connection c, long id, int attempts, Instant now, String reason) throws SQLException {
        return update(c, id, OutboxEntry.PENDING, attempts, now.toEpochMilli(), 0, reason, OutboxEntry.PENDING, OutboxEntry.FAILED);
    }

    /** An admin's Discard: never sent. Only while the row is pending or failed (false: it was delivered or discarded meanwhile). */
    static boolean discard(Connection c, long id, int attempts, Instant now, String reason) throws SQLException {
        return update(c, id, OutboxEntry.DISCARDED, attempts, 0, now.toEpochMilli(), reason, OutboxEntry.PENDING, OutboxEntry.FAILED);
    }

    /** The sender's result of an attempt: written only while the row is still pending (an admin may have discarded it meanwhile). */
    private static void update(Connection c, long id, String state, int attempts, long next, long done, String reason) throws SQLException {
        update(c, id, state, attempts, next, done, reason, OutboxEntry.PENDING, OutboxEntry.PENDING);
    }

    private static boolean update(Connection c, long id, String state, int attempts, long next, long done, String reason, String from1,
            String from2) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE distribution_outbox SET state = ?, attempts = ?, next_ms = ?, done_ms = ?, "
                + "reason = ? WHERE id = ? AND state IN (?, ?)")) {
            ps.setString(1, state);
            ps.setInt(2, attempts);
            ps.setLong(3, next);
            ps.setLong(4, done);
            ps.setString(5, reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX - 1) + "…" : reason);
            ps.setLong(6, id);
            ps.setString(7, from1);
            ps.setString(8, from2);
            return ps.executeUpdate() == 1;
        }
    }

    /** Forgets delivered and discarded rows done before {@code before}; failed ones stay for admins to read. */
    static int purgeDelivered(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM distribution_outbox WHERE state IN (?, ?) AND done_ms < ?")) {
            ps.setString(1, OutboxEntry.DELIVERED);
            ps.setString(2, OutboxEntry.DISCARDED);
            ps.setLong(3, before.toEpochMilli());
            return ps.executeUpdate();
        }
    }
}
