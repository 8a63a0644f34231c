package org.syncline.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * The embedded Derby engine of this JVM. Connections go through the driver object itself: inside OSGi,
 * DriverManager only sees drivers visible to the caller's class loader, which is the wrong question here.
 */
public final class DerbyEngine {
    private static final String DATABASE_SHUT_DOWN = "08006";
    private static final String ALREADY_BOOTED_ELSEWHERE = "XSDB6";
    private static final String LOCK_TIMEOUT = "40XL1";
    private static final String DEADLOCK = "40001";
    private static final Driver DRIVER;
    static final String STALE_PLAN_CHECK = "derby.language.stalePlanCheckInterval";

    static {
        // Derby reads these once, when the engine boots; without them it writes derby.log into whatever the
        // working directory is. An operator who configured Derby's log keeps that configuration.
        if (System.getProperty("derby.stream.error.file") == null
                && System.getProperty("derby.stream.error.method") == null
                && System.getProperty("derby.stream.error.field") == null
                && System.getProperty("derby.stream.error.style") == null) {
            System.setProperty("derby.stream.error.method", DerbyLog.class.getName() + ".writer");
        }
        // Derby plans a statement for the table sizes it sees when it first compiles it, and the pool keeps prepared
        // statements for the connection's life: a lookup by IN list prepared on an empty table kept scanning the whole
        // table (10,000 rows per 100 keys) until Derby's check for stale plans, by default every 100 executions, came
        // round. Checked every 10 executions, the plan follows a table that grows from empty within a few batches.
        if (System.getProperty(STALE_PLAN_CHECK) == null) {
            System.setProperty(STALE_PLAN_CHECK, "10");
        }
        DRIVER = new EmbeddedDriver();
    }

    private DerbyEngine() {
    }

    /** Connects to the database in {@code dir}, creating it when {@code create} is set and it is absent. */
    public static Connection connect(Path dir, boolean create) throws SQLException {
        Properties p = location(dir);
        if (create) {
            p.setProperty("create", "true");
        }
        return DRIVER.connect("jdbc:derby:", p);
    }

    /** Shuts down the database in {@code dir} only; the engine keeps serving other databases. */
    public static void shutdown(Path dir) throws SQLException {
        Properties p = location(dir);
        p.setProperty("shutdown", "true");
        try {
            DRIVER.connect("jdbc:derby:", p).close();
        } catch (SQLException e) {
            // Derby reports a clean shutdown as an exception with this state.
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw e;
            }
            return;
        }
        throw new SQLException("Derby did not report the shutdown of " + dir);
    }

    // The name travels as a property, not inside the URL, so a ';' in a folder name cannot turn into a
    // connection attribute; "directory:" stops Derby reading a drive letter or "memory" as a subprotocol.
    private static Properties location(Path dir) {
        Properties p = new Properties();
        p.setProperty("databaseName", "directory:" + dir);
        return p;
    }

    /** The error a user sees when the database in {@code dir} cannot be opened. */
    public static SynclineException openFailure(Path dir, SQLException e) {
        if (hasState(e, ALREADY_BOOTED_ELSEWHERE)) {
            return new SynclineException(ErrorCode.STORAGE, "The database in " + dir
                    + " is in use by another process; stop that process or give this one another data directory.", e);
        }
        return new SynclineException(ErrorCode.STORAGE, "The database in " + dir + " cannot be opened ("
                + deepestMessage(e) + "); check that the folder holds a Syncline database and that this user may write to it.", e);
    }

    /** The error a user sees when a statement or transaction fails. */
    public static SynclineException failure(Path dir, SQLException e) {
        if (hasState(e, LOCK_TIMEOUT) || hasState(e, DEADLOCK)) {
            return new SynclineException(ErrorCode.STORAGE,
                    "The database is busy with a conflicting change; try again in a moment.", e);
        }
        return new SynclineException(ErrorCode.STORAGE, "A database operation in " + dir + " failed ("
                + deepestMessage(e) + "); try again, and check the server log and free disk space if it persists.", e);
    }

    /** Derby wraps the cause of a failed boot in both the exception chain and the next-exception chain. */
    public static boolean hasState(SQLException e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (state.equals(n.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String deepestMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
