package org.syncline.distribution.internal.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.Job;
import org.syncline.store.Migration;

/**
 * The SQL of distribution_job: the name (unique), enabled, who created and last changed it and when as columns,
 * the definition (source, targets, filters, trigger, retry and recovery) as JSON, so a later field needs no
 * migration of its own.
 */
final class JobTable {
    static final Migration MIGRATION = Migration.sql(4, "replication jobs", """
            CREATE TABLE distribution_job (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name VARCHAR(64) NOT NULL UNIQUE,
                enabled BOOLEAN NOT NULL,
                definition CLOB NOT NULL,
                created_by VARCHAR(255) NOT NULL,
                created_ms BIGINT NOT NULL,
                modified_by VARCHAR(255) NOT NULL,
                modified_ms BIGINT NOT NULL)""");
    private static final String COLUMNS = "id, name, enabled, definition, created_by, created_ms, modified_by, modified_ms";

    private JobTable() {
    }

    static Job insert(Connection c, Job j, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO distribution_job (name, enabled, definition, created_by, created_ms, "
                + "modified_by, modified_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, j.name());
            ps.setBoolean(2, j.enabled());
            ps.setString(3, Json.write(j));
            ps.setString(4, by);
            ps.setLong(5, at.toEpochMilli());
            ps.setString(6, by);
            ps.setLong(7, at.toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                Instant ms = Instant.ofEpochMilli(at.toEpochMilli());
                return j.stored(keys.getLong(1), j.enabled(), by, ms, by, ms);
            }
        }
    }

    /** Replaces the definition (and name) of job {@code id}, keeping its enabled flag and creation. */
    static Job update(Connection c, Job old, Job j, String by, Instant at) throws SQLException {
        Job stored = j.stored(old.id(), old.enabled(), old.createdBy(), old.created(), by, Instant.ofEpochMilli(at.toEpochMilli()));
        try (PreparedStatement ps = c.prepareStatement("UPDATE distribution_job SET name = ?, definition = ?, modified_by = ?, modified_ms = ? "
                + "WHERE id = ?")) {
            ps.setString(1, stored.name());
            ps.setString(2, Json.write(stored));
            ps.setString(3, by);
            ps.setLong(4, at.toEpochMilli());
            ps.setLong(5, old.id());
            ps.executeUpdate();
        }
        return stored;
    }

    static Job setEnabled(Connection c, Job old, boolean enabled, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE distribution_job SET enabled = ?, modified_by = ?, modified_ms = ? WHERE id = ?")) {
            ps.setBoolean(1, enabled);
            ps.setString(2, by);
            ps.setLong(3, at.toEpochMilli());
            ps.setLong(4, old.id());
            ps.executeUpdate();
        }
        return old.stored(old.id(), enabled, old.createdBy(), old.created(), by, Instant.ofEpochMilli(at.toEpochMilli()));
    }

    static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM distribution_job WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    static List<Job> all(Connection c) throws SQLException {
        List<Job> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM distribution_job ORDER BY name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    static Optional<Job> byName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM distribution_job WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Job row(ResultSet rs) throws SQLException {
        Job j = Json.read(JsonObject.parse(rs.getString(4)), Job.class);
        return j.stored(rs.getLong(1), rs.getBoolean(3), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8)));
    }
}
