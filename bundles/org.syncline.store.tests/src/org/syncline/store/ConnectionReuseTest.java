package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncline.store.DatabaseTest.count;
import static org.syncline.store.DatabaseTest.insertUser;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** Database reuses connections between transactions: what a reused connection must and must not carry over. */
class ConnectionReuseTest {
    private static final String BY_NAME = "SELECT name FROM users WHERE name = ?";

    @TempDir
    Path tmp;

    @Test
    void theNextTransactionReusesTheLastOnesConnection() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            Connection first = db.inTransaction(c -> c);
            Connection second = db.inTransaction(c -> c);
            assertSame(first, second);
        }
    }

    @Test
    void aRolledBackConnectionComesBackCleanWithAutocommitOff() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            List<Connection> used = new ArrayList<>();
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                used.add(c);
                insertUser(c, "alice");
                throw new IllegalStateException("boom");
            }));
            db.inTransaction(c -> {
                assertSame(used.get(0), c, "the rolled-back connection is reused");
                assertFalse(c.getAutoCommit());
                assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
                assertEquals(0, countUsers(c), "nothing of the rolled-back work is left");
                return insertUser(c, "bob");
            });
            assertEquals(1, count(db, "users"));
        }
    }

    @Test
    void aConnectionTheWorkClosedIsDroppedAndTheNextTransactionWorks() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            Connection closed = db.inTransaction(c -> c);
            SynclineException e = assertThrows(SynclineException.class, () -> db.inTransaction(c -> {
                c.close();
                return null;
            }));
            assertEquals(ErrorCode.STORAGE, e.code());
            Connection next = db.inTransaction(c -> {
                assertFalse(c.isClosed());
                insertUser(c, "carol");
                return c;
            });
            assertNotSame(closed, next, "the broken connection was not given out again");
            assertEquals(1, count(db, "users"));
        }
    }

    @Test
    void aConnectionWhoseSettingsTheWorkChangedIsNotReused() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            Connection serializable = db.inTransaction(c -> {
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                return c;
            });
            Connection readOnly = db.inTransaction(c -> {
                assertNotSame(serializable, c);
                assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
                c.setReadOnly(true);
                return c;
            });
            db.inTransaction(c -> {
                assertNotSame(readOnly, c);
                assertFalse(c.isReadOnly());
                return insertUser(c, "dave");
            });
        }
    }

    @Test
    void concurrentTransactionsHaveTheirOwnConnectionsAndDoNotSeeEachOther() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Database db = Database.open(tmp.resolve("db"))) {
            CountDownLatch firstInserted = new CountDownLatch(1);
            CountDownLatch secondCommitted = new CountDownLatch(1);
            Future<Connection> first = threads.submit(() -> {
                try {
                    return db.inTransaction(c -> {
                        insertUser(c, "erin");
                        firstInserted.countDown();
                        await(secondCommitted);
                        throw new IllegalStateException("roll back erin");
                    });
                } catch (IllegalStateException e) {
                    return null;
                }
            });
            assertTrue(firstInserted.await(30, TimeUnit.SECONDS));
            Connection second = threads.submit(() -> db.inTransaction(c -> {
                insertUser(c, "frank");
                return c;
            })).get(30, TimeUnit.SECONDS);
            secondCommitted.countDown();
            first.get(30, TimeUnit.SECONDS);
            List<String> names = db.inTransaction(c -> {
                List<String> all = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM users")) {
                    while (rs.next()) {
                        all.add(rs.getString(1));
                    }
                }
                return all;
            });
            assertEquals(List.of("frank"), names, "erin rolled back on her own connection, frank committed on his");
            assertFalse(second.isClosed());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void whatATransactionLeftOpenIsClosedWhenItEnds() throws SQLException {
        try (Database db = Database.open(tmp.resolve("db"))) {
            insertUser(db, "gina");
            ResultSet leaked = db.inTransaction(c -> {
                ResultSet rs = c.createStatement().executeQuery("SELECT name FROM users");
                assertTrue(rs.next());
                return rs;
            });
            assertThrows(SQLException.class, leaked::next);
            ResultSet leakedPrepared = db.inTransaction(c -> {
                PreparedStatement ps = c.prepareStatement(BY_NAME);
                ps.setString(1, "gina");
                ResultSet rs = ps.executeQuery();
                assertTrue(rs.next());
                return rs;
            });
            assertTrue(leakedPrepared.isClosed());
        }
    }

    @Test
    void aPreparedStatementIsReusedWithItsParametersCleared() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            insertUser(db, "hank");
            PreparedStatement first = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(BY_NAME)) {
                    ps.setString(1, "hank");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                    }
                    return ps;
                }
            });
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(BY_NAME)) {
                    assertSame(first, ps, "the same statement, prepared once");
                    SQLException unset = assertThrows(SQLException.class, ps::executeQuery);
                    assertEquals("07000", unset.getSQLState(), "the parameter of the last use is gone");
                    ps.setString(1, "nobody");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertFalse(rs.next());
                    }
                }
                return null;
            });
        }
    }

    @Test
    void theSameStatementPreparedInsideItsOwnResultsIsASecondOne() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            insertUser(db, "ida");
            insertUser(db, "jan");
            String ordered = "SELECT name FROM users ORDER BY name";
            int found = db.inTransaction(c -> {
                int n = 0;
                try (PreparedStatement outer = c.prepareStatement(ordered); ResultSet names = outer.executeQuery()) {
                    while (names.next()) {
                        try (PreparedStatement again = c.prepareStatement(ordered); ResultSet all = again.executeQuery()) {
                            assertNotSame(outer, again);
                            assertTrue(all.next());
                        }
                        n++;
                    }
                }
                return n;
            });
            assertEquals(2, found, "the outer results stayed open while the inner statement ran");
        }
    }

    @Test
    void aPreparedStatementWhoseSettingsChangedIsNotHandedOutAgain() {
        try (Database db = Database.open(tmp.resolve("db"))) {
            insertUser(db, "kim");
            insertUser(db, "lou");
            String all = "SELECT name FROM users";
            PreparedStatement limited = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(all)) {
                    ps.setMaxRows(1);
                    return ps;
                }
            });
            int rows = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(all); ResultSet rs = ps.executeQuery()) {
                    assertNotSame(limited, ps);
                    int n = 0;
                    while (rs.next()) {
                        n++;
                    }
                    return n;
                }
            });
            assertEquals(2, rows);
        }
    }

    @Test
    void closingTheDatabaseClosesTheConnectionsKeptForReuse() throws SQLException {
        Database db = Database.open(tmp.resolve("db"));
        Connection kept = db.inTransaction(c -> c);
        assertFalse(kept.isClosed());
        db.close();
        assertTrue(kept.isClosed());
    }

    private static int countUsers(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not commit in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
