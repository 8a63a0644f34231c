package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.internal.DerbyEngine;

import org.syncline.store.internal.Schema;

class DatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void newDatabaseGetsEveryMigrationOnceAndRecordsIt() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            assertEquals(Schema.latestVersion(), db.schemaVersion());
            assertEquals(Schema.MIGRATIONS.size(), count(db, "schema_versions"));
            for (String table : List.of("users", "user_roles", "groups", "group_members")) {
                assertEquals(0, count(db, table), table);
            }
        }
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingAgain() {
        Path dir = tmp.resolve("db");
        List<String> history;
        try (Database db = Database.open(dir)) {
            insertUser(db, "alice");
            history = versionHistory(db);
        }
        try (Database db = Database.open(dir)) {
            assertEquals(history, versionHistory(db));
            assertEquals(1, count(db, "users"));
            assertEquals(Schema.latestVersion(), db.schemaVersion());
        }
    }

    @Test
    void aMigrationAddedLaterRunsOnceOnTheNextOpen() {
        Path dir = tmp.resolve("db");
        Database.open(dir).close();
        List<Migration> later = new ArrayList<>(Schema.MIGRATIONS);
        int next = Schema.latestVersion() + 1;
        later.add(Migration.sql(next, "test table", "CREATE TABLE later (id INT)", "INSERT INTO later VALUES (1)"));
        try (Database db = Database.open(dir, later)) {
            assertEquals(next, db.schemaVersion());
        }
        try (Database db = Database.open(dir, later)) {
            assertEquals(1, count(db, "later"));
            assertEquals(next, count(db, "schema_versions"));
        }
    }

    @Test
    void aFailingMigrationLeavesNoTrace() {
        Path dir = tmp.resolve("db");
        Database.open(dir).close();
        List<Migration> broken = new ArrayList<>(Schema.MIGRATIONS);
        broken.add(Migration.sql(Schema.latestVersion() + 1, "broken", "CREATE TABLE half (id INT)", "NOT SQL AT ALL"));
        SynclineException e = assertThrows(SynclineException.class, () -> Database.open(dir, broken));
        assertEquals(ErrorCode.STORAGE, e.code());
        try (Database db = Database.open(dir)) {
            assertEquals(Schema.latestVersion(), db.schemaVersion());
            assertFalse(tableExists(db, "HALF"), "DDL of the failed migration was rolled back");
        }
    }

    @Test
    void aDatabaseFromANewerSynclineIsRefused() {
        Path dir = tmp.resolve("db");
        int newer = Schema.latestVersion() + 1;
        try (Database db = Database.open(dir)) {
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO schema_versions VALUES ('store', " + newer + ", CURRENT_TIMESTAMP)"));
        }
        SynclineException e = assertThrows(SynclineException.class, () -> Database.open(dir));
        assertEquals(ErrorCode.STORAGE, e.code());
        assertTrue(e.getMessage().contains("schema version " + newer), e.getMessage());
        assertTrue(e.getMessage().contains("up to " + Schema.latestVersion()), e.getMessage());
        // The refused open released the folder: a second try gives the same answer, not "already open".
        SynclineException again = assertThrows(SynclineException.class, () -> Database.open(dir));
        assertEquals(e.getMessage(), again.getMessage());
    }

    @Test
    void aTransactionThatThrowsLeavesNoRow() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                insertUser(c, "alice");
                throw boom;
            }));
            assertSame(boom, thrown);
            assertEquals(0, count(db, "users"));
        }
    }

    @Test
    void anSqlErrorRollsBackAndBecomesStorage() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            SynclineException e = assertThrows(SynclineException.class, () -> db.inTransaction(c -> {
                insertUser(c, "alice");
                return c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
            }));
            assertEquals(ErrorCode.STORAGE, e.code());
            assertInstanceOf(SQLException.class, e.getCause());
            assertEquals(0, count(db, "users"));
        }
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                insertUser(c, "alice");
                db.inTransaction(inner -> {
                    assertSame(c, inner);
                    return insertUser(inner, "bob");
                });
                throw new IllegalStateException("after the inner one returned");
            }));
            assertEquals(0, count(db, "users"));
            db.inTransaction(c -> db.inTransaction(inner -> insertUser(inner, "carol")));
            assertEquals(1, count(db, "users"));
        }
    }

    @Test
    void aSecondOpenInThisProcessIsRefused() {
        Path dir = tmp.resolve("db");
        try (Database db = Database.open(dir)) {
            SynclineException e = assertThrows(SynclineException.class,
                    () -> Database.open(tmp.resolve("other/../db")));
            assertEquals(ErrorCode.STORAGE, e.code());
            assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
            assertEquals(Schema.latestVersion(), db.schemaVersion(), "the first one still works");
        }
        Database.open(dir).close();
    }

    /** Why Database keeps its own count: within one JVM Derby's lock lets a second connection share the database. */
    @Test
    void derbyAloneSharesAnOpenDatabaseWithinOneProcess() throws SQLException {
        try (Database db = Database.open(tmp.resolve("db"))) {
            try (Connection c = DerbyEngine.connect(db.directory(), false)) {
                assertFalse(c.isClosed());
            }
        }
    }

    @Test
    void closingOneDatabaseLeavesOthersRunning() {
        try (Database a = Database.open(tmp.resolve("a")); Database b = Database.open(tmp.resolve("b"))) {
            a.close();
            assertEquals(Schema.latestVersion(), b.schemaVersion());
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseIsRefused() {
        Database db = Database.open(tmp.resolve("db"));
        db.close();
        db.close();
        SynclineException e = assertThrows(SynclineException.class, db::schemaVersion);
        assertEquals(ErrorCode.STORAGE, e.code());
        assertTrue(e.getMessage().contains("has been closed"), e.getMessage());
    }

    @Test
    void anEmptyExistingFolderBecomesTheDatabase() {
        try (Database db = Database.open(tmp)) {
            assertEquals(Schema.latestVersion(), db.schemaVersion());
        }
        try (Database db = Database.open(tmp)) {
            assertEquals(Schema.latestVersion(), db.schemaVersion());
        }
    }

    @Test
    void aFolderThatIsNotADatabaseIsRefused() throws Exception {
        Path dir = tmp.resolve("photos");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cat.jpg"), "meow");
        SynclineException e = assertThrows(SynclineException.class, () -> Database.open(dir));
        assertEquals(ErrorCode.STORAGE, e.code());
        assertTrue(e.getMessage().contains("cannot be opened"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("cat.jpg")));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("db"), "not a folder");
        SynclineException e = assertThrows(SynclineException.class, () -> Database.open(file));
        assertEquals(ErrorCode.STORAGE, e.code());
    }

    @Test
    void derbyLeavesNoLogFileBehind() {
        Path dir = tmp.resolve("db");
        Database.open(dir).close();
        assertFalse(Files.exists(dir.resolve("derby.log")));
        assertFalse(Files.exists(tmp.resolve("derby.log")));
        assertFalse(Files.exists(Path.of(System.getProperty("user.dir"), "derby.log")));
    }

    static int insertUser(Database db, String name) {
        return db.inTransaction(c -> insertUser(c, name));
    }

    static int insertUser(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO users (name, password_hash, created) VALUES ('" + name + "', 'x', CURRENT_TIMESTAMP)");
        }
    }

    static int count(Database db, String table) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static List<String> versionHistory(Database db) {
        return db.inTransaction(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version, applied_at FROM schema_versions ORDER BY version")) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + "@" + rs.getTimestamp(2));
                }
            }
            return rows;
        });
    }

    private static boolean tableExists(Database db, String table) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
                return rs.next();
            }
        });
    }
}
