package org.syncline.ui.internal.servers;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.ConnectionState;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.ServerStatus;
import org.syncline.ui.ErrorReporter;
import org.syncline.ui.internal.views.ServerRow;
import org.syncline.ui.internal.views.ServerState;

/**
 * The workbench's link to one server: the connection, the last status it reported, and the row the
 * Servers view shows for it. The password is kept in memory for this workbench session, for reconnects.
 */
final class ServerSession {
    private final ServerEntry entry;
    private final Runnable changed;
    private volatile Connection connection;
    private volatile ServerState state = ServerState.DISCONNECTED;
    private volatile ServerStatus status;
    private volatile long statusReceivedAt;
    private volatile char[] password;

    ServerSession(ServerEntry entry, Runnable changed) {
        this.entry = entry;
        this.changed = changed;
    }

    ServerEntry entry() {
        return entry;
    }

    ServerState state() {
        return state;
    }

    /** The live connection, or null when not connected. */
    Connection connection() {
        return state == ServerState.CONNECTED ? connection : null;
    }

    char[] password() {
        return password;
    }

    /** Connects and logs in, blocking; throws a SynclineException naming the problem. */
    void open(char[] secret, KnownServers known, FingerprintPrompt prompt) {
        close();
        password = secret.clone();
        setState(ServerState.CONNECTING);
        try {
            Connection c = Connection.open(ConnectionSettings.of(entry.address(), entry.user(), secret, "syncline-workbench"),
                    known, prompt);
            connection = c;
            c.addStateListener(this::connectionChanged);
            ServerStatus.watch(c, this::statusChanged);
            statusChanged(ServerStatus.of(c));
            setState(ServerState.CONNECTED);
        } catch (SynclineException e) {
            connection = null;
            setState(ServerState.DISCONNECTED);
            throw e;
        }
    }

    void close() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
        status = null;
        setState(ServerState.DISCONNECTED);
    }

    ServerRow row() {
        ServerStatus s = status;
        if (s == null || state == ServerState.DISCONNECTED) {
            return new ServerRow(entry.label(), state, null, null, 0, java.util.List.of());
        }
        long uptime = s.uptimeSeconds() + (System.currentTimeMillis() - statusReceivedAt) / 1000;
        return new ServerRow(entry.label(), state, s.version(), Duration.ofSeconds(uptime), s.sessions(), s.roles());
    }

    private void statusChanged(ServerStatus s) {
        status = s;
        statusReceivedAt = System.currentTimeMillis();
        changed.run();
    }

    private void connectionChanged(ConnectionState s) {
        switch (s) {
            case CONNECTED -> {
                setState(ServerState.CONNECTED);
                // pushes sent while we were away are lost: ask once
                CompletableFuture.runAsync(this::refresh);
            }
            case RECONNECTING, CONNECTING -> setState(ServerState.RECONNECTING);
            case FAILED -> {
                setState(ServerState.DISCONNECTED);
                Connection c = connection;
                if (c != null && c.lastError() != null) {
                    ErrorReporter.report("Lost the connection to " + entry.label(), c.lastError());
                }
            }
            default -> setState(ServerState.DISCONNECTED);
        }
    }

    private void refresh() {
        Connection c = connection;
        if (c != null) {
            try {
                statusChanged(ServerStatus.of(c));
            } catch (SynclineException e) {
                // the state listener reports the connection's trouble
            }
        }
    }

    private void setState(ServerState next) {
        state = next;
        changed.run();
    }
}
