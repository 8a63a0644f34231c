package org.syncline.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.syncline.testing.ServerProcess;

/**
 * A real {@code syncline share} of the installation (the headless host), with the test's display; its output
 * lines (stdout and stderr) are kept to wait on, and its stdin is the host's terminal.
 */
final class SharingHostProcess implements AutoCloseable {
    private final ProcessLines output = new ProcessLines("syncline share");
    private final Process process;
    private final OutputStream terminal;

    SharingHostProcess(ServerProcess server, String user, String password, String... args) throws Exception {
        this(server, Map.of(), user, password, args);
    }

    /** A host with more environment, for example another DISPLAY. */
    SharingHostProcess(ServerProcess server, Map<String, String> environment, String user, String password, String... args)
            throws Exception {
        Path pw = server.writeFile("share-" + user + ".pw", password + "\n");
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.install().resolve("syncline").toString(), "share", "--server",
                server.address().toString(), "--user", user, "--password-file", pw.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        server.environment(pb.environment());
        pb.environment().put("SYNCLINE_TRUST_FINGERPRINT", server.fingerprint());
        pb.environment().putAll(environment);
        Files.createDirectories(Path.of(pb.environment().get("XDG_CACHE_HOME")));
        process = pb.start();
        terminal = process.getOutputStream();
        output.follow(process, "share-output " + user);
    }

    /** The first line that {@code test} accepts, waiting up to 90 s. */
    String awaitLine(Predicate<String> test, String what) throws InterruptedException {
        return output.await(test, what);
    }

    /** Types a line on the host's terminal. */
    void type(String line) throws IOException {
        terminal.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        terminal.flush();
    }

    List<String> output() {
        return output.lines();
    }

    /** Waits for the host to end by itself; returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("syncline share did not end within 60 s: " + output);
        }
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl+C would; returns the exit code. */
    int stop() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.toHandle().destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
