package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.syncline.distribution.AgentSample;
import org.syncline.distribution.DiskSpace;

/**
 * The SQL of agents' samples: raw rows (and their disks), 1-minute averages made from them, and deleting
 * what is past retention. Portable SQL: epoch numbers, GROUP BY, no engine-specific date functions.
 */
final class SampleTable {
    private static final String COLUMNS = "cpu, mem_used, mem_total, net_in, net_out, sessions, uptime_s";

    private SampleTable() {
    }

    record Row(String agentId, AgentSample sample) {
    }

    static void insert(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_sample (agent_id, at_ms, minute_no, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement disk = c.prepareStatement("INSERT INTO distribution_sample_disk (agent_id, at_ms, minute_no, path, "
                        + "free_bytes, total_bytes) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Row r : rows) {
                AgentSample s = r.sample();
                long at = s.at().toEpochMilli();
                ps.setString(1, r.agentId());
                ps.setLong(2, at);
                ps.setLong(3, at / 60_000);
                ps.setDouble(4, s.cpuPercent());
                ps.setLong(5, s.memoryUsed());
                ps.setLong(6, s.memoryTotal());
                ps.setLong(7, s.netInPerSecond());
                ps.setLong(8, s.netOutPerSecond());
                ps.setInt(9, s.sessions());
                ps.setLong(10, s.uptimeSeconds());
                ps.addBatch();
                for (DiskSpace d : s.disks()) {
                    disk.setString(1, r.agentId());
                    disk.setLong(2, at);
                    disk.setLong(3, at / 60_000);
                    disk.setString(4, d.path());
                    disk.setLong(5, d.free());
                    disk.setLong(6, d.total());
                    disk.addBatch();
                }
            }
            ps.executeBatch();
            disk.executeBatch();
        }
    }

    /** Averages every minute after {@code fromMinute} up to and including {@code toMinute}; returns how many rows it wrote. */
    static int aggregate(Connection c, long fromMinute, long toMinute) throws SQLException {
        int n;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_minute (agent_id, minute_no, " + COLUMNS + ") "
                + "SELECT agent_id, minute_no, AVG(cpu), AVG(mem_used), AVG(mem_total), AVG(net_in), AVG(net_out), AVG(sessions), "
                + "MAX(uptime_s) FROM distribution_sample WHERE minute_no > ? AND minute_no <= ? GROUP BY agent_id, minute_no")) {
            ps.setLong(1, fromMinute);
            ps.setLong(2, toMinute);
            n = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_minute_disk (agent_id, minute_no, path, free_bytes, "
                + "total_bytes) SELECT agent_id, minute_no, path, AVG(free_bytes), AVG(total_bytes) FROM distribution_sample_disk "
                + "WHERE minute_no > ? AND minute_no <= ? GROUP BY agent_id, minute_no, path")) {
            ps.setLong(1, fromMinute);
            ps.setLong(2, toMinute);
            ps.executeUpdate();
        }
        return n;
    }

    /** The newest minute averaged so far, or -1. */
    static long lastAggregatedMinute(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(minute_no) FROM distribution_minute"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? -1 : v;
        }
    }

    /** The oldest raw minute, or -1 when there are no raw samples. */
    static long firstRawMinute(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(minute_no) FROM distribution_sample"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? -1 : v;
        }
    }

    /** Deletes raw samples older than {@code rawBeforeMs} and averages older than {@code minuteBefore}. */
    static void purge(Connection c, long rawBeforeMs, long minuteBefore) throws SQLException {
        update(c, "DELETE FROM distribution_sample WHERE at_ms < ?", rawBeforeMs);
        update(c, "DELETE FROM distribution_sample_disk WHERE at_ms < ?", rawBeforeMs);
        update(c, "DELETE FROM distribution_minute WHERE minute_no < ?", minuteBefore);
        update(c, "DELETE FROM distribution_minute_disk WHERE minute_no < ?", minuteBefore);
    }

    private static void update(Connection c, String sql, long value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, value);
            ps.executeUpdate();
        }
    }

    /** Raw samples of one agent from {@code sinceMs}, oldest first, at most {@code limit}. */
    static List<AgentSample> raw(Connection c, String agentId, String name, long sinceMs, int limit) throws SQLException {
        Map<Long, List<DiskSpace>> disks = disks(c, "SELECT at_ms, path, free_bytes, total_bytes FROM distribution_sample_disk "
                + "WHERE agent_id = ? AND at_ms >= ? ORDER BY at_ms, path", agentId, sinceMs);
        return rows(c, "SELECT at_ms, " + COLUMNS + " FROM distribution_sample WHERE agent_id = ? AND at_ms >= ? ORDER BY at_ms",
                agentId, sinceMs, limit, name, disks, 1);
    }

    /** 1-minute averages of one agent from the minute holding {@code sinceMs}, oldest first, at most {@code limit}. */
    static List<AgentSample> minutes(Connection c, String agentId, String name, long sinceMs, int limit) throws SQLException {
        long since = sinceMs / 60_000;
        Map<Long, List<DiskSpace>> disks = disks(c, "SELECT minute_no, path, free_bytes, total_bytes FROM distribution_minute_disk "
                + "WHERE agent_id = ? AND minute_no >= ? ORDER BY minute_no, path", agentId, since);
        return rows(c, "SELECT minute_no, " + COLUMNS + " FROM distribution_minute WHERE agent_id = ? AND minute_no >= ? ORDER BY minute_no",
                agentId, since, limit, name, disks, 60_000);
    }

    private static Map<Long, List<DiskSpace>> disks(Connection c, String sql, String agentId, long since) throws SQLException {
        Map<Long, List<DiskSpace>> disks = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, agentId);
            ps.setLong(2, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    disks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new DiskSpace(rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return disks;
    }

    private static List<AgentSample> rows(Connection c, String sql, String agentId, long since, int limit, String name,
            Map<Long, List<DiskSpace>> disks, long msPerUnit) throws SQLException {
        List<AgentSample> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, agentId);
            ps.setLong(2, since);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long key = rs.getLong(1);
                    out.add(new AgentSample(name, Instant.ofEpochMilli(key * msPerUnit), rs.getDouble(2), rs.getLong(3), rs.getLong(4),
                            disks.getOrDefault(key, List.of()), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getLong(8)));
                }
            }
        }
        return out;
    }
}
