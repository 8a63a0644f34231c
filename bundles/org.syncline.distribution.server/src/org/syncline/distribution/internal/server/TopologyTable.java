package org.syncline.distribution.internal.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.TopologyVersion;
import org.syncline.store.Migration;

/**
 * The SQL of distribution_topology: every saved version of the topology as XMI with who saved it, when and
 * what changed; the newest row is the current topology. The schema of the component {@code distribution}.
 */
final class TopologyTable {
    static final List<Migration> MIGRATIONS = List.of(Migration.sql(1, "topology versions", """
            CREATE TABLE distribution_topology (
                version_no BIGINT NOT NULL PRIMARY KEY,
                xmi BLOB(64M) NOT NULL,
                saved_by VARCHAR(255) NOT NULL,
                saved_at TIMESTAMP NOT NULL,
                summary VARCHAR(1000) NOT NULL)"""));

    private static final int SUMMARY_MAX = 1000;

    private TopologyTable() {
    }

    /** The newest version, or empty before the first save. */
    static Optional<TopologyVersion> newest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version_no, saved_by, saved_at, summary FROM distribution_topology ORDER BY version_no DESC FETCH FIRST ROW ONLY");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(version(rs)) : Optional.empty();
        }
    }

    /** How many versions were saved after {@code version}. */
    static long countAfter(Connection c, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM distribution_topology WHERE version_no > ?")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Streams the XMI of {@code version} to {@code out}. */
    static void copyXmi(Connection c, long version, OutputStream out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT xmi FROM distribution_topology WHERE version_no = ?")) {
            ps.setLong(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SynclineException(ErrorCode.NOT_FOUND, "Version " + version + " of the topology does not exist.");
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    in.transferTo(out);
                } catch (IOException e) {
                    throw new SynclineException(ErrorCode.CONNECTION_FAILED, "Sending the topology failed: " + e.getMessage(), e);
                }
            }
        }
    }

    static void insert(Connection c, TopologyVersion v, byte[] xmi) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO distribution_topology (version_no, xmi, saved_by, saved_at, summary) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, v.version());
            ps.setBinaryStream(2, new ByteArrayInputStream(xmi), xmi.length);
            ps.setString(3, v.savedBy());
            ps.setTimestamp(4, Timestamp.from(v.savedAt()), utc());
            ps.setString(5, v.summary().length() > SUMMARY_MAX ? v.summary().substring(0, SUMMARY_MAX - 1) + "…" : v.summary());
            ps.executeUpdate();
        }
    }

    private static TopologyVersion version(ResultSet rs) throws SQLException {
        return new TopologyVersion(rs.getLong("version_no"), rs.getString("saved_by"), rs.getTimestamp("saved_at", utc()).toInstant(),
                rs.getString("summary"));
    }

    // Calendars are mutable and the driver may write into them, so each call gets its own.
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }
}
