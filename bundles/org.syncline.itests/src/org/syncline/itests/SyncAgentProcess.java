package org.syncline.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.syncline.testing.ServerProcess;

/**
 * A real {@code syncline sync-agent} of the server installation, for one user and one pair, with its own
 * trusted-servers file; its output lines are kept to wait on and to assert on.
 */
final class SyncAgentProcess implements AutoCloseable {
    private final ServerProcess server;
    private final Path home;
    private final String user;
    final Path dir;
    private final String folder;
    private final ProcessLines output;
    private Process process;

    SyncAgentProcess(ServerProcess server, String user, Path dir, String folder) throws IOException {
        this.server = server;
        this.user = user;
        this.output = new ProcessLines("The agent of " + user);
        this.dir = dir;
        this.folder = folder;
        this.home = server.home.resolve("agent-" + user + "-" + dir.getFileName());
        Files.createDirectories(home);
        Files.createDirectories(dir);
        Files.writeString(home.resolve("password"), user + "-password-1\n");
    }

    /** Starts the agent and waits for its first completed sync. */
    SyncAgentProcess start(String... extraArgs) throws Exception {
        launch(extraArgs);
        awaitLine(l -> l.contains(" ready ") || l.contains("\"event\":\"ready\""), "its first sync");
        return this;
    }

    /** Starts the agent and waits until it watches its directory (its first sync may still run). */
    SyncAgentProcess launch(String... extraArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.install().resolve("syncline").toString(), "sync-agent", "--server",
                server.address().toString(), "--user", user, "--password-file", home.resolve("password").toString(), "--pair",
                dir + "=" + folder, "--rescan", "5s"));
        cmd.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().put("SYNCLINE_TRUST_FINGERPRINT", server.fingerprint());
        pb.environment().remove("SYNCLINE_SERVER");
        process = pb.start();
        output.follow(process, "agent-output " + user);
        awaitLine(l -> l.contains(" watching ") || l.contains("\"event\":\"watching\""), "that it watches " + dir);
        return this;
    }

    /** The first line (since the start) that {@code test} accepts, waiting up to 90 s. */
    String awaitLine(Predicate<String> test, String what) throws InterruptedException {
        return output.await(test, what);
    }

    List<String> output() {
        return output.lines();
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill9();
            throw new AssertionError("The agent of " + user + " did not stop within 30 s of SIGTERM: " + output);
        }
        return process.exitValue();
    }

    /** kill -9 of the JVM (and the launch script around it): no shutdown hook runs. */
    void kill9() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }
}
