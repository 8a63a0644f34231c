package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.syncline.distribution.OutOfDateTarget;
import org.syncline.store.Migration;

/**
 * Per job and target, whether the target is out of date (distribution_out_of_date): kept on the master so a
 * restart still knows whom to catch up. A row names the first run the target missed since it was last up to date.
 */
final class OutOfDateTable {
    static final Migration MIGRATION = Migration.sql(6, "targets out of date per replication job", """
            CREATE TABLE distribution_out_of_date (
                job_id BIGINT NOT NULL,
                server VARCHAR(255) NOT NULL,
                run_id BIGINT NOT NULL,
                since_ms BIGINT NOT NULL,
                reason VARCHAR(1000) NOT NULL,
                PRIMARY KEY (job_id, server))""");

    private OutOfDateTable() {
    }

    /** Marks {@code server} out of date for the job unless it is already (then the first missed run stays). */
    static void mark(Connection c, long jobId, String server, long runId, Instant since, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM distribution_out_of_date WHERE job_id = ? AND server = ?")) {
            ps.setLong(1, jobId);
            ps.setString(2, server);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_out_of_date (job_id, server, run_id, since_ms, reason) "
                + "VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, jobId);
            ps.setString(2, server);
            ps.setLong(3, runId);
            ps.setLong(4, since.toEpochMilli());
            ps.setString(5, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            ps.executeUpdate();
        }
    }

    static void clear(Connection c, long jobId, String server) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM distribution_out_of_date WHERE job_id = ? AND server = ?")) {
            ps.setLong(1, jobId);
            ps.setString(2, server);
            ps.executeUpdate();
        }
    }

    static void clearJob(Connection c, long jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM distribution_out_of_date WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            ps.executeUpdate();
        }
    }

    /** The targets the job is out of date on, by server name. */
    static List<OutOfDateTarget> ofJob(Connection c, long jobId) throws SQLException {
        List<OutOfDateTarget> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT server, run_id, since_ms, reason FROM distribution_out_of_date WHERE job_id = ? "
                + "ORDER BY server")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutOfDateTarget(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
        }
        return out;
    }
}
