package org.syncline.distribution.internal.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionState;
import org.syncline.server.api.Enrollment;

/**
 * An agent's reports to the master it joined: hello (name, host, the port it listens on, roles) on every
 * (re)connection, then a sample every interval. On its own thread: connecting may take seconds, and a
 * master that is away is tried again at the next interval.
 */
final class AgentReporter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AgentReporter.class.getName());
    private final Enrollment enrollment;
    private final HostProbe probe;
    private final IntSupplier sessions;
    private final String name;
    private final String host;
    private final String roles;
    private final Duration interval;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "distribution-agent-reporter");
        t.setDaemon(true);
        return t;
    });
    private final ContentRoot content;
    private final Duration rescan;
    private SourceWatcher watcher;
    private Connection connection;
    private String placedName;

    /** @param rescan how often the source watch walks its paths for changes the WatchService missed */
    AgentReporter(Enrollment enrollment, HostProbe probe, IntSupplier sessions, String name, String host, String roles, Duration interval,
            ContentRoot content, Duration rescan) {
        this.content = content;
        this.rescan = rescan;
        this.enrollment = enrollment;
        this.probe = probe;
        this.sessions = sessions;
        this.name = name;
        this.host = host;
        this.roles = roles;
        this.interval = interval;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::report, 200, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report() {
        InetSocketAddress listening = enrollment.listening();
        if (listening == null) {
            return; // not listening yet: the next round says hello
        }
        try {
            if (connection == null || connection.state() != ConnectionState.CONNECTED) {
                closeConnection();
                probe.measure(name, 0); // primes the CPU and network counters, so the first sample has a real interval
                connection = enrollment.connectToJoined("syncline-agent", false);
                placedName = connection.request(DistributionMessages.AGENT_HELLO, Json.object("name", name, "host", host, "port",
                        listening.getPort(), "roles", roles, "intervalSeconds", Math.max(1, interval.toSeconds()))).string("name");
                LOG.info(() -> "Reported to the master as agent '" + placedName + "'");
            } else {
                connection.request(DistributionMessages.AGENT_SAMPLE, Json.tree(probe.measure(placedName, sessions.getAsInt())));
            }
            watchSources();
        } catch (SynclineException e) {
            LOG.info(() -> "The master cannot be reached (" + e.getMessage() + "); trying again in " + interval.toSeconds() + " s");
            closeConnection();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reporting to the master failed", e);
            closeConnection();
        }
    }

    /** Watches the source paths of this agent's real-time jobs, as the master names them now. */
    private void watchSources() {
        Set<String> paths = new TreeSet<>(connection.request(DistributionMessages.AGENT_WATCHES, Json.object()).list("paths", String.class));
        try {
            if (watcher == null && !paths.isEmpty()) {
                watcher = new SourceWatcher(content, changed -> thread.execute(() -> sendChanges(changed)), rescan);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot watch the source paths of real-time jobs", e);
            return;
        }
        if (watcher != null) {
            watcher.watch(paths);
        }
    }

    private void sendChanges(Set<String> paths) {
        try {
            if (connection != null && connection.state() == ConnectionState.CONNECTED) {
                connection.request(DistributionMessages.AGENT_CHANGES, Json.object("paths", List.copyOf(paths)));
                return;
            }
            LOG.info(() -> "The master is away: the watched paths are reported again once it is back");
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Could not tell the master about changed paths (" + e.getMessage() + "); they are reported again");
        }
        watcher.rescanLater();
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (watcher != null) {
            watcher.close();
        }
        closeConnection();
    }
}
