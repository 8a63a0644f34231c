package org.syncline.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.store.internal.ConnectionPool;
import org.syncline.store.internal.DerbyEngine;
import org.syncline.store.internal.Migrator;
import org.syncline.store.internal.PooledConnection;
import org.syncline.store.internal.Schema;

/**
 * An embedded Derby database in one folder, at the newest schema. Each {@link #inTransaction} call has a
 * connection to itself for its duration, so threads never share one; connections are reused by later
 * transactions (see {@link ConnectionPool}: only a cleanly ended one is, a broken one is closed).
 */
public final class Database implements AutoCloseable {
    /*
     * Derby's lock file only keeps other processes out: a second open in this JVM would quietly share the
     * booted database, and closing either would shut it down under the other. So this process keeps count.
     */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path dir;
    /** Connections kept for reuse: enough for the concurrent transactions of a busy server. */
    static final int IDLE_CONNECTIONS = 16;

    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ConnectionPool pool;
    private volatile boolean closed;

    private Database(Path dir) {
        this.dir = dir;
        this.pool = new ConnectionPool(dir, IDLE_CONNECTIONS);
    }

    /**
     * Opens (creating if absent) the database in {@code dir} and applies the migrations it lacks.
     *
     * @throws SynclineException {@link ErrorCode#STORAGE} when another process or another {@code Database}
     *         holds the folder, when the folder is not usable, or when its schema is newer than this code
     */
    public static Database open(Path dir) {
        return open(dir, Schema.MIGRATIONS);
    }

    static Database open(Path dir, List<Migration> migrations) {
        Path key = canonical(dir);
        if (!OPEN.add(key)) {
            throw new SynclineException(ErrorCode.STORAGE, "The database in " + key
                    + " is already open in this process; use the Database that opened it.");
        }
        try {
            boot(key);
        } catch (RuntimeException e) {
            OPEN.remove(key);
            throw e;
        }
        Database db = new Database(key);
        try {
            new Migrator(Migrator.STORE, migrations).migrate(db, key);
            return db;
        } catch (RuntimeException | Error e) {
            db.closeQuietly(e);
            throw e;
        }
    }

    /** Boots the database, creating it when absent. */
    private static void boot(Path dir) {
        try {
            // Derby creates its folder itself and refuses one that exists, but an empty folder made for the
            // database is what its maker meant.
            if (isEmptyDirectory(dir)) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The folder " + dir + " cannot be used for the database ("
                    + e + "); check that this user may write to it and to its parent.", e);
        }
        try (Connection c = DerbyEngine.connect(dir, true)) {
            // Connecting is what boots it; the work happens in transactions.
        } catch (SQLException e) {
            throw DerbyEngine.openFailure(dir, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. An
     * SQLException comes out as a {@link ErrorCode#STORAGE} SynclineException, anything else as it was
     * thrown. Called from inside another transaction on the same thread, it joins that transaction.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        Connection outer = current.get();
        if (outer != null) {
            try {
                return work.run(outer);
            } catch (SQLException e) {
                throw DerbyEngine.failure(dir, e);
            }
        }
        requireOpen();
        PooledConnection lease;
        try {
            lease = pool.take();
        } catch (SQLException e) {
            throw closed ? closedError() : DerbyEngine.failure(dir, e);
        }
        Connection c = lease.connection();
        current.set(c);
        boolean ended = false;
        try {
            T result = work.run(c);
            c.commit();
            ended = true;
            return result;
        } catch (RuntimeException | Error t) {
            ended = rolledBack(c, t);
            throw t;
        } catch (SQLException e) {
            ended = rolledBack(c, e);
            throw closed ? closedError() : DerbyEngine.failure(dir, e);
        } finally {
            current.remove();
            pool.giveBack(lease, ended);
        }
    }

    /** Rolls back after {@code failure}; false (the rollback's error added to it) when even that failed. */
    private static boolean rolledBack(Connection c, Throwable failure) {
        try {
            c.rollback();
            return true;
        } catch (SQLException r) {
            failure.addSuppressed(r);
            return false;
        }
    }

    /** The newest version of the store's own schema (users, groups) applied to this database. */
    public int schemaVersion() {
        return schemaVersion(Migrator.STORE);
    }

    /** The newest version of {@code component}'s schema applied to this database, 0 when none is. */
    public int schemaVersion(String component) {
        return inTransaction(c -> Migrator.currentVersion(c, component));
    }

    /**
     * Applies the migrations of {@code component} (a capability's name) that this database lacks, each in
     * its own transaction. Versions count per component, from 1.
     *
     * @throws SynclineException {@link ErrorCode#STORAGE} when the database holds a newer version of it
     */
    public void migrate(String component, List<Migration> migrations) {
        if (Migrator.STORE.equals(component)) {
            throw new IllegalArgumentException("'" + Migrator.STORE + "' is the store's own schema");
        }
        new Migrator(component, migrations).migrate(this, dir);
    }

    /** The database's folder, absolute, with symbolic links resolved. */
    public Path directory() {
        return dir;
    }

    /** Shuts the database down cleanly so the next open needs no recovery. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            pool.close();
            DerbyEngine.shutdown(dir);
        } catch (SQLException e) {
            throw new SynclineException(ErrorCode.STORAGE, "The database in " + dir
                    + " did not shut down cleanly; it will recover on the next start, check the server log if it does not.", e);
        } finally {
            OPEN.remove(dir);
        }
    }

    private void closeQuietly(Throwable failure) {
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw closedError();
        }
    }

    private SynclineException closedError() {
        return new SynclineException(ErrorCode.STORAGE, "The database in " + dir
                + " has been closed; open it again before using it.");
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Path canonical(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }
}
