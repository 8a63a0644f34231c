package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.internal.Schema;

/** Each capability keeps its own schema versions in the one database. */
class ComponentSchemaTest {
    @TempDir
    Path tmp;

    @Test
    void twoComponentsNumberTheirMigrationsIndependently() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            db.migrate("docs", List.of(Migration.sql(1, "docs", "CREATE TABLE docs_t (id INT)"),
                    Migration.sql(2, "docs more", "ALTER TABLE docs_t ADD COLUMN name VARCHAR(10)")));
            db.migrate("sync", List.of(Migration.sql(1, "sync", "CREATE TABLE sync_t (id INT)")));
            assertEquals(2, db.schemaVersion("docs"));
            assertEquals(1, db.schemaVersion("sync"));
            assertEquals(Schema.latestVersion(), db.schemaVersion());
            assertEquals(0, db.schemaVersion("nobody"));
        }
    }

    @Test
    void aComponentMigrationRunsOnceAcrossOpens() {
        Path dir = tmp.resolve("db");
        List<Migration> docs = List.of(Migration.sql(1, "docs", "CREATE TABLE docs_t (id INT)", "INSERT INTO docs_t VALUES (7)"));
        try (Database db = Database.open(dir)) {
            db.migrate("docs", docs);
        }
        try (Database db = Database.open(dir)) {
            db.migrate("docs", docs); // would fail on CREATE TABLE if it ran again
            assertEquals(1, (int) db.inTransaction(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM docs_t")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }));
        }
    }

    @Test
    void aComponentNewerThanTheCodeIsRefusedNamingIt() {
        Path dir = tmp.resolve("db");
        try (Database db = Database.open(dir)) {
            db.migrate("docs", List.of(Migration.sql(1, "a", "CREATE TABLE a (id INT)"), Migration.sql(2, "b", "CREATE TABLE b (id INT)")));
            SynclineException e = assertThrows(SynclineException.class,
                    () -> db.migrate("docs", List.of(Migration.sql(1, "a", "CREATE TABLE a (id INT)"))));
            assertEquals(ErrorCode.STORAGE, e.code());
            assertTrue(e.getMessage().contains("'docs'") && e.getMessage().contains("schema version 2"), e.getMessage());
        }
    }

    @Test
    void aCapabilityCannotClaimTheStoresOwnSchema() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            assertThrows(IllegalArgumentException.class, () -> db.migrate("store", List.of()));
        }
    }

    @Test
    void aDatabaseWithTheOldSingleVersionTableIsCarriedOver() {
        Path dir = tmp.resolve("db");
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    // the layout before per-component versions
                    s.execute("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
                    s.execute("INSERT INTO schema_version SELECT version, applied_at FROM schema_versions");
                    s.execute("DROP TABLE schema_versions");
                }
                return null;
            });
        }
        try (Database db = Database.open(dir)) {
            assertEquals(Schema.latestVersion(), db.schemaVersion());
            assertEquals(0, (int) db.inTransaction(c -> {
                try (ResultSet rs = c.getMetaData().getTables(null, null, "SCHEMA_VERSION", null)) {
                    return rs.next() ? 1 : 0;
                }
            }), "the old table is gone");
        }
    }
}
