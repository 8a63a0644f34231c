package org.syncline.server.internal;

import java.util.concurrent.CountDownLatch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;
import org.syncline.core.SynclineException;
import org.syncline.server.ServerOptions;
import org.syncline.server.SynclineServer;

/** The headless server product's application: parse options, start, run until SIGTERM or stop. */
public final class ServerApplication implements IApplication {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SynclineServer server;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        ServerOptions options;
        try {
            options = ServerOptions.parse(args == null ? new String[0] : args);
        } catch (SynclineException e) {
            System.err.println("syncline server: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            System.out.print(ServerOptions.USAGE);
            return EXIT_OK;
        }
        String version = FrameworkUtil.getBundle(getClass()).getVersion().toString();
        try {
            server = SynclineServer.start(options, version, System.out,
                    InstalledCapabilities.find(FrameworkUtil.getBundle(getClass()).getBundleContext()));
        } catch (SynclineException e) {
            System.err.println("syncline server: " + e.toUserText());
            return 1;
        } catch (RuntimeException e) {
            // a bug of ours: one line for the user, the trace for whoever reads the log
            java.util.logging.Logger.getLogger(getClass().getName()).log(java.util.logging.Level.SEVERE, "The server failed to start", e);
            System.err.println("syncline server: INTERNAL: the server failed to start (" + e + "); see the log in the data directory.");
            return 1;
        }
        Thread hook = new Thread(this::shutdown, "syncline-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        context.applicationRunning();
        System.out.println("Syncline server " + version + " listening on " + server.address().getAddress().getHostAddress()
                + ":" + server.address().getPort() + " (TLS fingerprint " + server.fingerprint() + ")");
        System.out.println("Data: " + options.data() + "   Roles: " + String.join(",", options.roles())
                + "   Capabilities: " + String.join(",", server.capabilities()));
        System.out.flush();
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
        return EXIT_OK;
    }

    @Override
    public void stop() {
        shutdown();
    }

    private synchronized void shutdown() {
        SynclineServer s = server;
        server = null;
        if (s != null) {
            s.close();
            System.out.println("Syncline server stopped.");
            System.out.flush();
        }
        stopped.countDown();
    }
}
