package org.syncline.ui;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.syncline.core.CommandLine;
import org.syncline.core.HostPort;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.protocol.KnownServers;
import org.syncline.ui.internal.servers.FingerprintQuestion;
import org.syncline.ui.internal.servers.ServerConnections;
import org.syncline.ui.internal.servers.ServerEntry;

/**
 * What the workbench does about servers when it starts: reconnect the saved servers whose password is in
 * secure storage, and connect to the one named on the command line
 * ({@code --connect HOST:PORT --user NAME --password-file F [--trust-fingerprint FP]}, as the demo does).
 */
public final class ServerStartup {
    private ServerStartup() {
    }

    public static void run(Display display, String[] args) {
        ServerConnections connections = ServerConnections.instance();
        try {
            CommandLine c = CommandLine.parse(args, java.util.Set.of("connect", "user", "password-file", "trust-fingerprint"),
                    java.util.Set.of());
            String fingerprint = c.value("trust-fingerprint").orElse(null);
            HostPort address = c.value("connect").map(HostPort::parse).orElse(null);
            if (address != null && fingerprint != null) {
                // Given together, the fingerprint comes from whoever just started that server (the demo reads
                // it from the server's run file); a pin left by an earlier server on the same address, whose
                // data directory was since removed, must not refuse it. It is pinned before any connection,
                // the saved ones included, and each connection still checks the server presents exactly it.
                KnownServers.forUser().trust(address, fingerprint);
            }
            FingerprintQuestion prompt = new FingerprintQuestion(display, fingerprint);
            connections.connectSaved(prompt);
            if (address != null) {
                String user = c.value("user").orElse("admin");
                char[] password = PasswordFile.read(Path.of(c.value("password-file").orElseThrow(() -> new SynclineException(
                        org.syncline.core.ErrorCode.INVALID_ARGUMENT, "--connect needs --password-file F."))));
                connections.connect(new ServerEntry(address, user), password, prompt, false);
            }
        } catch (SynclineException e) {
            ErrorReporter.report("Could not connect to the server named on the command line", e);
        }
    }

    /** Closes every server connection; called when the workbench shuts down. */
    public static void shutdown() {
        ServerConnections.instance().closeAll();
    }
}
