package org.syncline.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Derby connections of one database, kept between transactions so a transaction does not pay for a new
 * connection. Never blocks: when none is idle a new one is made. A connection goes back only when its
 * transaction ended (committed, or rolled back without error) and it is as a new one would be; otherwise it is
 * closed. At most {@code maxIdle} wait; the rest are closed.
 */
public final class ConnectionPool {
    private final Path dir;
    private final int maxIdle;
    private final Deque<PooledConnection> idle = new ArrayDeque<>();
    private boolean closed;

    public ConnectionPool(Path dir, int maxIdle) {
        this.dir = dir;
        this.maxIdle = maxIdle;
    }

    /** An idle connection (the most recently used one), or a new one. Autocommit is off. */
    public PooledConnection take() throws SQLException {
        PooledConnection c;
        synchronized (this) {
            c = idle.pollFirst();
        }
        return c != null ? c : new PooledConnection(DerbyEngine.connect(dir, false));
    }

    /**
     * Ends a use. {@code ended} says the transaction was committed or rolled back without error; only then, and
     * when the connection passes {@link PooledConnection#resetForReuse}, is it kept.
     */
    public void giveBack(PooledConnection c, boolean ended) {
        if (ended && c.resetForReuse()) {
            synchronized (this) {
                if (!closed && idle.size() < maxIdle) {
                    idle.addFirst(c);
                    return;
                }
            }
        }
        c.closeQuietly();
    }

    /** How many connections wait to be reused. */
    public synchronized int idleCount() {
        return idle.size();
    }

    /** Closes the idle connections; connections given back later are closed too. */
    public void close() {
        List<PooledConnection> drained;
        synchronized (this) {
            closed = true;
            drained = new ArrayList<>(idle);
            idle.clear();
        }
        drained.forEach(PooledConnection::closeQuietly);
    }
}
