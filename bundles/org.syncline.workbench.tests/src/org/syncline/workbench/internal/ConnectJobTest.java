package org.syncline.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.syncline.core.HostPort;
import org.syncline.protocol.Connection;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.ServerStatus;
import org.syncline.testing.ServerProcess;
import org.syncline.ui.internal.servers.ServerConnections;
import org.syncline.ui.internal.servers.ServerEntry;
import org.syncline.ui.internal.views.ServerState;

/** The connect job: one per server at a time, Cancel honoured, failure as an error status. */
class ConnectJobTest {
    @RegisterExtension
    static final LiveServer server = new LiveServer("syncline-ui-connect");

    @Test
    void aSecondConnectWhileOneRunsJoinsItAndLeaksNoSession() throws Exception {
        ServerEntry entry = new ServerEntry(server.address(), "admin");
        ServerConnections servers = ServerConnections.instance();
        try {
            Job first = servers.connect(entry, ServerProcess.ADMIN_PASSWORD.toCharArray(), FingerprintPrompt.ACCEPT_NEW, false);
            Job second = servers.connect(entry, ServerProcess.ADMIN_PASSWORD.toCharArray(), FingerprintPrompt.ACCEPT_NEW, false);
            assertSame(first, second, "a double Reconnect gets the running job");
            UiEvents.waitUntil("the connect job", () -> first.getResult() != null);
            assertTrue(first.getResult().isOK(), first.getResult().toString());
            try (Connection probe = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                assertEquals(2, ServerStatus.of(probe).sessions(), "the workbench holds one session, the probe the other");
            }
        } finally {
            servers.remove(entry.label());
        }
    }

    @Test
    void cancelStopsAConnectThatHangsAndLeavesTheServerDisconnected() throws Exception {
        // accepts TCP but never answers the TLS handshake
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ServerEntry entry = new ServerEntry(new HostPort("127.0.0.1", silent.getLocalPort()), "admin");
            ServerConnections servers = ServerConnections.instance();
            try {
                Job job = servers.connect(entry, "whatever-pass".toCharArray(), FingerprintPrompt.ACCEPT_NEW, false);
                UiEvents.waitUntil("the job to be running", () -> job.getState() == Job.RUNNING);
                long start = System.currentTimeMillis();
                job.cancel();
                UiEvents.waitUntil("the job to end", () -> job.getResult() != null);
                assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
                assertTrue(System.currentTimeMillis() - start < 5_000, "Cancel is honoured without waiting for the network");
                UiEvents.waitUntil("Disconnected", () -> servers.state(entry.label()).orElse(null) != ServerState.CONNECTED);
            } finally {
                servers.remove(entry.label());
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aFailedConnectEndsWithAnErrorStatusNamingTheCode() throws Exception {
        ServerEntry entry = new ServerEntry(server.address(), "admin");
        ServerConnections servers = ServerConnections.instance();
        try {
            Job job = servers.connect(entry, "not-the-password".toCharArray(), FingerprintPrompt.ACCEPT_NEW, false);
            UiEvents.waitUntil("the connect job", () -> job.getResult() != null);
            assertEquals(IStatus.ERROR, job.getResult().getSeverity());
            assertTrue(job.getResult().getMessage().startsWith("AUTH_FAILED"), job.getResult().getMessage());
        } finally {
            servers.remove(entry.label());
        }
    }
}
