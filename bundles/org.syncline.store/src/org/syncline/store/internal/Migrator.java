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

/** Brings a database up to the schema this code knows, one transaction per migration. */
public final class Migrator {
    private final List<Migration> migrations;

    public Migrator(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("Migrations must be numbered 1, 2, 3, ... in order; found "
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    public void migrate(Database db, Path dir) {
        db.inTransaction(Migrator::createVersionTable);
        SortedSet<Integer> applied = db.inTransaction(Migrator::appliedVersions);
        int known = migrations.size();
        if (!applied.isEmpty() && applied.last() > known) {
            throw new SynclineException(ErrorCode.STORAGE, "The database in " + dir + " has schema version "
                    + applied.last() + " but this Syncline knows versions up to " + known
                    + "; run the newer Syncline that wrote it, or restore a backup made with this one.");
        }
        for (Migration m : migrations) {
            if (!applied.contains(m.version())) {
                db.inTransaction(c -> {
                    m.change().run(c);
                    record(c, m.version());
                    return null;
                });
            }
        }
    }

    /** The highest version applied, 0 for an empty database. */
    public static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Void createVersionTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "SCHEMA_VERSION", new String[] { "TABLE" })) {
            if (rs.next()) {
                return null;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
        }
        return null;
    }

    private static SortedSet<Integer> appliedVersions(Connection c) throws SQLException {
        TreeSet<Integer> versions = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static void record(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
            ps.setInt(1, version);
            UtcTimestamps.set(ps, 2, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            ps.executeUpdate();
        }
    }
}
