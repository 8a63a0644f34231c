package org.syncline.distribution.internal.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionState;

/**
 * TLS links kept open between replication runs, one per peer (a master's links to its agents, a child agent's
 * links to its parents), so a run does not pay a handshake and login per peer. A link is opened again when it
 * dropped or when the peer's address or pinned certificate changed, and closed when unused for {@code idle} while
 * no run needs it (a transfer in flight on it is never cut).
 */
final class LinkPool implements AutoCloseable {
    private final Duration idle;
    private final Predicate<String> inUse;
    private final Map<String, Pooled> links = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    /** One peer's link: what it was opened for (address and pin), the connection, and when it was last used. */
    private static final class Pooled {
        String identity;
        Connection connection;
        volatile long lastUsed;
    }

    /** @param inUse whether a run still needs the link to a peer (it is then kept however long it was idle) */
    LinkPool(String name, Duration idle, Predicate<String> inUse) {
        this.idle = idle;
        this.inUse = inUse;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-idle-links");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, idle.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The open link to {@code peer} if it was opened for {@code identity} (address and pinned certificate), else a
     * new one from {@code open} (which throws when the peer cannot be reached); the old one is closed.
     */
    Connection get(String peer, String identity, Supplier<Connection> open) {
        Pooled p = links.computeIfAbsent(peer, k -> new Pooled());
        synchronized (p) {
            p.lastUsed = System.nanoTime();
            if (p.connection != null && p.identity.equals(identity) && p.connection.state() == ConnectionState.CONNECTED) {
                return p.connection;
            }
            if (p.connection != null) {
                p.connection.close();
                p.connection = null;
            }
            Connection c = open.get();
            p.identity = identity;
            p.connection = c;
            return c;
        }
    }

    /** The open link to {@code peer}, or null when there is none. */
    Connection current(String peer) {
        Pooled p = links.get(peer);
        if (p == null) {
            return null;
        }
        synchronized (p) {
            return p.connection != null && p.connection.state() == ConnectionState.CONNECTED ? p.connection : null;
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        links.forEach((peer, p) -> {
            if (inUse.test(peer)) {
                return;
            }
            synchronized (p) {
                if (p.connection != null && now - p.lastUsed > idle.toNanos()) {
                    p.connection.close();
                    p.connection = null;
                }
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        links.values().forEach(p -> {
            synchronized (p) {
                if (p.connection != null) {
                    p.connection.close();
                    p.connection = null;
                }
            }
        });
        links.clear();
    }
}
