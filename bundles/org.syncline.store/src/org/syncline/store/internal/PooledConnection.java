package org.syncline.store.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Derby connection that lives across transactions. The work of a transaction sees {@link #connection()}, a
 * view that remembers every statement it opens (the pool closes the ones left open when the transaction ends,
 * so a forgotten close cannot pile up across transactions) and that hands out prepared statements from a cache
 * kept per connection: the hot paths prepare the same few statements in every transaction.
 */
public final class PooledConnection {
    /** Prepared statements kept per connection; a transaction that needs more gets fresh ones for the rest. */
    static final int CACHED_STATEMENTS = 64;

    private final Connection real;
    private final Connection view;
    private final int isolation;
    private final int holdability;
    private final List<Statement> opened = new ArrayList<>();
    private final Map<String, CachedStatement> cache = new HashMap<>();

    PooledConnection(Connection real) throws SQLException {
        this.real = real;
        real.setAutoCommit(false);
        this.isolation = real.getTransactionIsolation();
        this.holdability = real.getHoldability();
        this.view = (Connection) Proxy.newProxyInstance(PooledConnection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, this::onConnection);
    }

    /** What the transaction's work uses. */
    public Connection connection() {
        return view;
    }

    /**
     * Closes what the ended transaction left open and tells whether the connection is as a new one would be:
     * open, autocommit off, default isolation, holdability and read-only. Call only after commit or rollback.
     */
    boolean resetForReuse() {
        try {
            for (Statement s : opened) {
                s.close();
            }
            opened.clear();
            for (CachedStatement s : List.copyOf(cache.values())) {
                s.endTransaction();
            }
            return !real.isClosed() && !real.getAutoCommit() && real.getTransactionIsolation() == isolation
                    && real.getHoldability() == holdability && !real.isReadOnly();
        } catch (SQLException e) {
            return false;
        }
    }

    void closeQuietly() {
        try {
            real.close();
        } catch (SQLException e) {
            // A connection that cannot even close is gone already; the database shutdown ends it for good.
        }
    }

    private Object onConnection(Object proxy, Method m, Object[] args) throws Throwable {
        switch (m.getName()) {
        case "equals":
            return proxy == args[0];
        case "hashCode":
            return System.identityHashCode(proxy);
        case "toString":
            return "pooled " + real;
        case "prepareStatement":
            if (args.length == 1) {
                return prepare((String) args[0]);
            }
            break;
        default:
            break;
        }
        Object result = invoke(real, m, args);
        if (result instanceof Statement s) {
            opened.add(s);
        }
        return result;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        CachedStatement cached = cache.get(sql);
        if (cached != null && cached.real.isClosed()) {
            // Closed behind the cache's back (through its results' getStatement()).
            cache.remove(sql);
            cached = null;
        }
        if (cached != null && !cached.inUse) {
            cached.inUse = true;
            return cached.view;
        }
        PreparedStatement ps = real.prepareStatement(sql);
        if (cached == null && cache.size() < CACHED_STATEMENTS) {
            CachedStatement fresh = new CachedStatement(sql, ps);
            cache.put(sql, fresh);
            fresh.inUse = true;
            return fresh.view;
        }
        // Already handed out in this transaction (a loop inside its own results), or the cache is full.
        opened.add(ps);
        return ps;
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A prepared statement whose close hands it back to its connection's cache for the next transaction. */
    private final class CachedStatement {
        final String sql;
        final PreparedStatement real;
        final PreparedStatement view;
        boolean inUse;
        /** Set when the user changed a setting a later user would not expect (max rows, timeout, ...). */
        boolean altered;

        CachedStatement(String sql, PreparedStatement real) {
            this.sql = sql;
            this.real = real;
            this.view = (PreparedStatement) Proxy.newProxyInstance(PooledConnection.class.getClassLoader(),
                    new Class<?>[] { PreparedStatement.class }, this::onStatement);
        }

        private Object onStatement(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            switch (name) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "cached " + real;
            case "close":
                if (inUse) {
                    inUse = false;
                    release();
                }
                return null;
            case "isClosed":
                return !inUse || real.isClosed();
            case "getConnection":
                return PooledConnection.this.view;
            default:
                break;
            }
            if (!inUse) {
                throw new SQLException("Statement closed.", "XJ012");
            }
            if (name.equals("closeOnCompletion") || (name.startsWith("set") && m.getDeclaringClass() == Statement.class)) {
                altered = true;
            }
            return invoke(real, m, args);
        }

        /** Ends the transaction's use, also when its user forgot to close it. */
        void endTransaction() throws SQLException {
            if (inUse) {
                inUse = false;
                release();
            }
        }

        /** Ready for the next user, or closed and out of the cache when it cannot be kept as it was made. */
        private void release() throws SQLException {
            if (altered || real.isClosed()) {
                cache.remove(sql);
                real.close();
                return;
            }
            ResultSet results = real.getResultSet();
            if (results != null) {
                results.close();
            }
            real.clearParameters();
            real.clearBatch();
        }
    }
}
