package org.syncline.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.syncline.admin.client.AdminClient;
import org.syncline.core.Sha256;
import org.syncline.protocol.Connection;
import org.syncline.sync.client.SyncClient;
import org.syncline.testing.Await;
import org.syncline.testing.ServerProcess;

/**
 * The set-up the sync itests share: a real server, users (password {@code USER-password-1}), one folder the first
 * user owns and shares with the others at their rights, and the real sync-agents a test starts on it, all stopped
 * by {@link #close()} (an agent with kill -9, whatever state the test left it in).
 */
final class SyncHubFixture implements AutoCloseable {
    final ServerProcess server;
    final String folder;
    private final List<SyncAgentProcess> agents = new ArrayList<>();

    /**
     * {@code rights}: user -> "rw" or "r", the first entry is the folder's owner (its right is ignored); {@code
     * serverArgs}: given to the server process.
     */
    SyncHubFixture(String name, String folder, Map<String, String> rights, String... serverArgs) throws Exception {
        this.folder = folder;
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-" + name), serverArgs);
        try {
            try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                AdminClient a = new AdminClient(admin);
                for (String user : rights.keySet()) {
                    a.addUser(user, password(user).toCharArray(), false);
                }
            }
            // through the owner's connection: a CLI process a step costs seconds (SyncFoldersTest covers the CLI's folder commands)
            List<String> users = new ArrayList<>(rights.keySet());
            try (Connection owner = connect(users.get(0))) {
                SyncClient sync = new SyncClient(owner);
                sync.create(folder);
                for (String user : users.subList(1, users.size())) {
                    sync.share(folder, "user", user, switch (rights.get(user)) {
                        case "rw" -> "write";
                        case "r" -> "read";
                        default -> throw new IllegalArgumentException("rights are rw or r, not " + rights.get(user));
                    });
                }
            }
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /** Users in the order given, each with a right. */
    static Map<String, String> users(String... userThenRight) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < userThenRight.length; i += 2) {
            out.put(userThenRight[i], userThenRight[i + 1]);
        }
        return out;
    }

    static String password(String user) {
        return user + "-password-1";
    }

    /** A new agent of {@code user} on the folder, in {@code dir} under the server's home; not started yet. */
    SyncAgentProcess agent(String user, String dir) throws IOException {
        SyncAgentProcess agent = new SyncAgentProcess(server, user, server.home.resolve(dir), folder);
        agents.add(agent);
        return agent;
    }

    List<SyncAgentProcess> agents() {
        return List.copyOf(agents);
    }

    Connection connect(String user) throws Exception {
        return server.connect(user, password(user));
    }

    @FunctionalInterface
    interface Check {
        boolean get() throws Exception;
    }

    /** Polls {@code check} for up to 180 s (a file caught mid-rename counts as "not yet"); fails with {@code state}. */
    static void await(Check check, String what, Supplier<String> state) throws Exception {
        Await.value(check::get, what, Duration.ofSeconds(180), () -> "; " + state.get());
    }

    static String sha(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            for (SyncAgentProcess agent : agents) {
                agent.close();
            }
        } finally {
            server.close();
        }
    }
}
