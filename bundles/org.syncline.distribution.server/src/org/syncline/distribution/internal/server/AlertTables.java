package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertRule;

/** The SQL of distribution_alert_rule and distribution_alert (the history: open alerts have no cleared time). */
final class AlertTables {
    private static final int MESSAGE_MAX = 1000;

    private AlertTables() {
    }

    static AlertRule insertRule(Connection c, AlertRule r, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_alert_rule (kind, seconds, host, port, above, for_seconds, "
                + "agent, created_by, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.kind());
            ps.setInt(2, r.seconds());
            ps.setString(3, r.host());
            ps.setInt(4, r.port());
            ps.setDouble(5, r.above());
            ps.setInt(6, r.forSeconds());
            ps.setString(7, r.agent());
            ps.setString(8, by);
            ps.setLong(9, at.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new AlertRule(keys.getLong(1), r.kind(), r.seconds(), r.host(), r.port(), r.above(), r.forSeconds(), r.agent());
            }
        }
    }

    static List<AlertRule> rules(Connection c) throws SQLException {
        List<AlertRule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, seconds, host, port, above, for_seconds, agent "
                + "FROM distribution_alert_rule ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AlertRule(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getDouble(6),
                        rs.getInt(7), rs.getString(8)));
            }
        }
        return out;
    }

    static boolean deleteRule(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM distribution_alert_rule WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    static Alert insertAlert(Connection c, AlertRule rule, String target, Instant at, String message) throws SQLException {
        String m = message.length() > MESSAGE_MAX ? message.substring(0, MESSAGE_MAX - 1) + "…" : message;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_alert (rule_id, rule_text, target, raised_ms, cleared_ms, "
                + "message) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, rule.id());
            ps.setString(2, rule.describe());
            ps.setString(3, target);
            ps.setLong(4, at.toEpochMilli());
            ps.setNull(5, Types.BIGINT);
            ps.setString(6, m);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Alert(keys.getLong(1), rule.id(), rule.describe(), target, Instant.ofEpochMilli(at.toEpochMilli()), Instant.EPOCH, m);
            }
        }
    }

    static void clear(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE distribution_alert SET cleared_ms = ? WHERE id = ? AND cleared_ms IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Open alerts, or with {@code all} the newest {@code limit} of every alert; newest first. */
    static List<Alert> alerts(Connection c, boolean all, int limit) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, rule_id, rule_text, target, raised_ms, cleared_ms, message "
                + "FROM distribution_alert" + (all ? "" : " WHERE cleared_ms IS NULL") + " ORDER BY id DESC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cleared = rs.getLong(6);
                    boolean open = rs.wasNull();
                    out.add(new Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)),
                            open ? Instant.EPOCH : Instant.ofEpochMilli(cleared), rs.getString(7)));
                }
            }
        }
        return out;
    }

    static Optional<AlertRule> rule(Connection c, long id) throws SQLException {
        return rules(c).stream().filter(r -> r.id() == id).findFirst();
    }
}
