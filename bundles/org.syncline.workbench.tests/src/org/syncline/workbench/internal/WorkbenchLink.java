package org.syncline.workbench.internal;

import org.eclipse.core.runtime.jobs.Job;
import org.syncline.core.HostPort;
import org.syncline.testing.ServerProcess;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.ui.ConnectedServer;
import org.syncline.ui.Servers;
import org.syncline.ui.internal.servers.ServerConnections;
import org.syncline.ui.internal.servers.ServerEntry;

/**
 * The workbench's connection to a test server, made as the Servers view's Connect makes it (its connect job, the
 * server's certificate trusted); {@link #close()} removes the server from the workbench again, as the view's Remove does, so that
 * the next test class starts with no server.
 */
final class WorkbenchLink implements AutoCloseable {
    private final ServerEntry entry;
    private final Job job;

    private WorkbenchLink(ServerEntry entry, Job job) {
        this.entry = entry;
        this.job = job;
    }

    /**
     * Starts connecting to the test server as {@code user}; the connect job runs on. Its certificate is trusted first,
     * as the demo's {@code --trust-fingerprint} does: each test server has a new key, and one that gets a loopback port
     * an earlier server of the run had was refused as a changed certificate (UsersQuotaColumnLiveTest failed so in CI).
     */
    static WorkbenchLink connect(ServerProcess server, String user, String password) {
        HostPort address = server.address();
        try {
            KnownServers.forUser().trust(address, server.fingerprint());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ServerEntry entry = new ServerEntry(address, user);
        return new WorkbenchLink(entry, ServerConnections.instance().connect(entry, password.toCharArray(), FingerprintPrompt.ACCEPT_NEW, false));
    }

    ServerEntry entry() {
        return entry;
    }

    /** How the workbench names the server: {@code user@host:port}. */
    String label() {
        return entry.label();
    }

    /** The connect job (its result is the connection's outcome). */
    Job job() {
        return job;
    }

    /** Selects the server, as a click on its row in the Servers view does. */
    WorkbenchLink select() {
        ServerConnections.instance().select(entry.label());
        return this;
    }

    /** The connected server, once the connect job has logged in. */
    ConnectedServer connected() {
        return UiEvents.waitFor("the workbench to connect to " + entry.label(),
                () -> Servers.connected().stream().filter(s -> s.label().equals(entry.label()) && s.isConnected()).findFirst().orElse(null));
    }

    /** Disconnect in the Servers view: the server stays listed, not connected. */
    void disconnect() {
        ServerConnections.instance().disconnect(entry.label());
    }

    /** Reconnect in the Servers view (with this session's password); waits until connected. */
    ConnectedServer reconnect() {
        if (!ServerConnections.instance().reconnect(entry.label(), FingerprintPrompt.ACCEPT_NEW)) {
            throw new AssertionError("no password to reconnect " + entry.label() + " with");
        }
        return connected();
    }

    @Override
    public void close() {
        ServerConnections.instance().remove(entry.label());
        // the views hear of it now, not in the next test class: its set-up checks their empty texts before it spins
        // the event loop (a view still following the removed server failed JobsLiveTest after PairViewConnectionLiveTest)
        if (org.eclipse.swt.widgets.Display.getCurrent() != null) {
            UiEvents.flush();
        }
    }
}
