package org.syncline.workbench.internal;

import java.nio.file.Files;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.syncline.core.HostPort;
import org.syncline.protocol.Connection;
import org.syncline.testing.ServerProcess;

/**
 * The server product, started as a process on loopback for one live test class and stopped after it: registered as
 * {@code @RegisterExtension static final LiveServer server = new LiveServer("syncline-ui-NAME")}, it starts before the
 * class's own {@code @BeforeAll} methods run (so they may seed it), in a fresh temporary data directory.
 */
final class LiveServer implements BeforeAllCallback, AfterAllCallback {
    private final String name;
    private final String[] args;
    private ServerProcess process;

    /** {@code name}: the prefix of its data directory; {@code args}: more `syncline server` options. */
    LiveServer(String name, String... args) {
        this.name = name;
        this.args = args;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        process = new ServerProcess(Files.createTempDirectory(name), args);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.close();
        }
    }

    /** The running process, for what this fixture does not say itself (the CLI, stopping and starting it again). */
    ServerProcess process() {
        return process;
    }

    HostPort address() {
        return process.address();
    }

    /** A connection of its own, logged in, as another client of the server would have (not the workbench's). */
    Connection connect(String user, String password) {
        return process.connect(user, password);
    }

    /** The workbench connected to it as admin, as the Servers view's Connect does; close it to remove the server again. */
    WorkbenchLink connectWorkbench() {
        return WorkbenchLink.connect(process, "admin", ServerProcess.ADMIN_PASSWORD);
    }
}
