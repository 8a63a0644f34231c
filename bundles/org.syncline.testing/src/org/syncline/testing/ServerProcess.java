package org.syncline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.syncline.core.HostPort;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;

/**
 * The server product started for real, as a separate process on a free loopback port, through the launch
 * script an installation ships. Also runs the CLI of the same installation against it. Tests find the
 * installation through the system property {@code syncline.server.install}.
 */
public final class ServerProcess implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    public record CliResult(int exitCode, String stdout, String stderr) {
    }

    public final Path home;
    public final Path data;
    private final List<String> extraArgs;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;
    private Thread pump;
    private int port;
    private static Path clientCache;

    public ServerProcess(Path home, String... extraArgs) throws Exception {
        this.home = home;
        this.data = home.resolve("data");
        this.extraArgs = List.of(extraArgs);
        Files.createDirectories(home);
        Files.writeString(home.resolve("admin.pw"), ADMIN_PASSWORD + "\n");
        start();
    }

    public static Path install() {
        Path p = Path.of(System.getProperty("syncline.server.install", "missing"));
        if (!Files.isExecutable(p.resolve("syncline"))) {
            throw new IllegalStateException("No server product at " + p + "; build server/ first.");
        }
        return p;
    }

    /** Starts (or restarts) the server on the same data directory and waits until it listens. */
    public void start() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(install().resolve("syncline").toString(), "server", "--data", data.toString(),
                "--port", port == 0 ? "0" : String.valueOf(port), "--bind", "127.0.0.1",
                "--admin-password-file", home.resolve("admin.pw").toString()));
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        environment(pb.environment());
        output.clear();
        process = pb.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        pump = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "server-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            for (String line : output) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                    return;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited with " + process.exitValue() + ": " + output);
            }
            Thread.sleep(50);
        }
        process.toHandle().destroyForcibly(); // not left running behind a caller that never got this object
        throw new IllegalStateException("The server did not report listening within 90 s: " + output);
    }

    /** Gives a process of the installation this server's own config, cache and data homes and no SYNCLINE_ credentials. */
    public void environment(Map<String, String> env) {
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_DATA_HOME", home.resolve("share").toString());
        env.remove("SYNCLINE_SERVER");
        env.remove("SYNCLINE_USER");
        env.remove("SYNCLINE_PASSWORD");
        env.remove("SYNCLINE_TRUST_FINGERPRINT");
    }

    /** The certificate fingerprint the running server keeps in DATA/run/server.json. */
    public String fingerprint() throws IOException {
        return org.syncline.core.json.JsonObject.parse(Files.readString(data.resolve("run").resolve("server.json"))).string("fingerprint");
    }

    public HostPort address() {
        return new HostPort("127.0.0.1", port);
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    public Process process() {
        return process;
    }

    public Connection connect(String user, String password) {
        return Connection.open(new ConnectionSettings(address(), user, password.toCharArray(), "itest", Duration.ofSeconds(30), false),
                new KnownServers(home.resolve("client-known_servers")), FingerprintPrompt.ACCEPT_NEW);
    }

    /**
     * A single-use enrollment token of this server, valid for an hour, made through an admin's connection: for tests
     * whose point is what joins with it (EnrollmentTest covers the CLI's {@code node token}); a CLI process costs seconds.
     */
    public String enrollmentToken() {
        try (Connection admin = connect("admin", ADMIN_PASSWORD)) {
            return admin.request(EnrollmentMessages.TOKEN_CREATE, org.syncline.core.json.Json.object("validForSeconds", 3600L)).string("token");
        }
    }

    /** Runs {@code syncline cli --server ... ARGS} of the installation. */
    public CliResult cli(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(install().resolve("syncline").toString(), "cli", "--server", address().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        environment(pb.environment());
        pb.environment().put("XDG_CACHE_HOME", clientCache().toString());
        // the CLI refuses a server it does not know without a terminal, like ssh in a script
        pb.environment().put("SYNCLINE_TRUST_FINGERPRINT", fingerprint());
        pb.environment().putAll(extraEnv);
        Path out = Files.createTempFile(home, "cli", ".out");
        Path err = Files.createTempFile(home, "cli", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("The CLI did not finish within 90 s: " + cmd);
        }
        return new CliResult(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * The cache home of every {@link #cli} call of this test JVM. The launch script keeps there only the CLI's OSGi
     * cache and class-data archive (config, trusted servers and credentials stay in each server's own homes): shared,
     * only the first call of the run starts cold (about three times a warm call's time) instead of the first one of
     * every server a test starts.
     */
    private static synchronized Path clientCache() throws IOException {
        if (clientCache == null) {
            clientCache = Files.createTempDirectory("syncline-itest-cli-cache");
        }
        return clientCache;
    }

    public Path writeFile(String name, String content) throws IOException {
        Path f = home.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    public int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the pipes, losing what the
        // server prints while it stops.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The server did not stop within 30 s of SIGTERM.");
        }
        pump.join(10_000);
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no clean Derby shutdown. */
    public void kill9() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        pump.join(10_000);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }
}
