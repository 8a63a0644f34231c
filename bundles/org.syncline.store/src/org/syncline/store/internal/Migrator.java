package org.syncline.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.Database;
import org.syncline.store.Migration;

/**
 * Brings one component's tables (the store's own, or one capability's) up to the schema this code knows,
 * one transaction per migration. Versions are kept per component, so a capability adds tables without
 * touching another's numbering.
 */
public final class Migrator {
    /** The store's own component: users, roles, groups. */
    public static final String STORE = "store";

    private final String component;
    private final List<Migration> migrations;

    public Migrator(String component, List<Migration> migrations) {
        if (component == null || !component.matches("[a-z][a-z0-9.]{0,63}")) {
            throw new IllegalArgumentException("A schema component is a lower-case name: " + component);
        }
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("Migrations of '" + component + "' must be numbered 1, 2, 3, ... in order; found "
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
        this.component = component;
        this.migrations = List.copyOf(migrations);
    }

    public void migrate(Database db, Path dir) {
        db.inTransaction(Migrator::createVersionTable);
        SortedSet<Integer> applied = db.inTransaction(c -> appliedVersions(c, component));
        int known = migrations.size();
        if (!applied.isEmpty() && applied.last() > known) {
            throw new SynclineException(ErrorCode.STORAGE, "The database in " + dir + " has schema version "
                    + applied.last() + " of '" + component + "' but this Syncline knows versions up to " + known
                    + "; run the newer Syncline that wrote it, or restore a backup made with this one.");
        }
        for (Migration m : migrations) {
            if (!applied.contains(m.version())) {
                db.inTransaction(c -> {
                    m.change().run(c);
                    record(c, component, m.version());
                    return null;
                });
            }
        }
    }

    /** The highest version of {@code component} applied, 0 when none is. */
    public static int currentVersion(Connection c, String component) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM schema_versions WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Void createVersionTable(Connection c) throws SQLException {
        if (!tableExists(c, "SCHEMA_VERSIONS")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE schema_versions (component VARCHAR(64) NOT NULL, version INT NOT NULL,"
                        + " applied_at TIMESTAMP NOT NULL, PRIMARY KEY (component, version))");
            }
        }
        // Databases written before versions were kept per component hold the store's versions alone.
        if (tableExists(c, "SCHEMA_VERSION")) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO schema_versions (component, version, applied_at)"
                        + " SELECT '" + STORE + "', version, applied_at FROM schema_version");
                s.execute("DROP TABLE schema_version");
            }
        }
        return null;
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] { "TABLE" })) {
            return rs.next();
        }
    }

    private static SortedSet<Integer> appliedVersions(Connection c, String component) throws SQLException {
        TreeSet<Integer> versions = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM schema_versions WHERE component = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
        }
        return versions;
    }

    private static void record(Connection c, String component, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_versions (component, version, applied_at) VALUES (?, ?, ?)")) {
            ps.setString(1, component);
            ps.setInt(2, version);
            UtcTimestamps.set(ps, 3, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            ps.executeUpdate();
        }
    }
}
