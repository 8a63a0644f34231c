package org.syncline.sync.internal.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.ExitCodes;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.KnownServers;
import org.syncline.sync.FolderInfo;
import org.syncline.sync.client.SyncClient;
import org.syncline.sync.internal.engine.EngineSettings;
import org.syncline.sync.internal.engine.SyncEngine;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sync-agent", mixinStandardHelpOptions = true,
        description = { "Keeps local folders in sync with shared folders of a server until stopped (SIGTERM or Ctrl-C).",
                "Prints one line per action (with --json one JSON object a line). Credentials may also come from SYNCLINE_SERVER, SYNCLINE_USER, SYNCLINE_PASSWORD,",
                "a new server's fingerprint from SYNCLINE_TRUST_FINGERPRINT." })
final class AgentCommand implements java.util.concurrent.Callable<Integer> {
    private final CliContext cli;

    @Option(names = "--server", paramLabel = "HOST:PORT")
    String server;
    @Option(names = "--user", paramLabel = "NAME")
    String user;
    @Option(names = "--password-file", paramLabel = "F", description = "file whose first line is the password")
    Path passwordFile;
    @Option(names = "--trust-fingerprint", paramLabel = "FP", description = "trust a server seen for the first time if its certificate has this fingerprint")
    String trustFingerprint;
    @Option(names = "--pair", paramLabel = "LOCAL_DIR=FOLDER", description = "a local directory and the shared folder it mirrors; repeat for more")
    List<String> pairs;
    @Option(names = "--config", paramLabel = "FILE", description = "read these options from FILE (key = value lines; options given here win)")
    Path config;
    @Option(names = "--rescan", paramLabel = "DURATION", description = "full rescan period, e.g. 10m (default), 30s")
    String rescan;
    @Option(names = "--up-limit", paramLabel = "BYTES/S", description = "upload bandwidth limit per second, e.g. 500000, 512K, 2MiB (default: none)")
    String upLimit;
    @Option(names = "--down-limit", paramLabel = "BYTES/S", description = "download bandwidth limit per second, e.g. 500000, 512K, 2MiB (default: none)")
    String downLimit;
    @Spec
    CommandSpec spec;

    AgentCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig file = config == null ? AgentConfig.none() : AgentConfig.read(config);
        List<String[]> mapped = pairs(pairs != null ? pairs : file.pairs());
        HostPort address = HostPort.parse(required(file.get("server", server), "SYNCLINE_SERVER", "--server HOST:PORT"));
        String name = required(file.get("user", user), "SYNCLINE_USER", "--user NAME");
        String pwFile = file.get("password-file", passwordFile == null ? null : passwordFile.toString());
        char[] password = pwFile != null ? PasswordFile.read(Path.of(pwFile)) : required(null, "SYNCLINE_PASSWORD", "--password-file F").toCharArray();
        String fingerprint = file.get("trust-fingerprint", trustFingerprint);
        EngineSettings defaults = EngineSettings.defaults();
        EngineSettings settings = new EngineSettings(duration(file.get("rescan", rescan), defaults.rescan()), defaults.debounce(),
                limit(file.get("up-limit", upLimit)),
                limit(file.get("down-limit", downLimit)), defaults.parallel());

        AgentOutput out = new AgentOutput(System.out, json());
        List<SyncEngine> engines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Connection[] opened = new Connection[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.say("stopping");
            engines.forEach(SyncEngine::close);
            synchronized (opened) {
                if (opened[0] != null) {
                    opened[0].close();
                }
            }
            out.say("stopped");
            stopped.countDown();
        }, "sync-agent-stop"));
        ConnectionSettings connect = new ConnectionSettings(address, name, password, "syncline-sync-agent", Duration.ofSeconds(60), true);
        java.util.Arrays.fill(password, '\0');
        Connection connection = open(connect, new FingerprintCheck(fingerprint != null ? fingerprint : System.getenv("SYNCLINE_TRUST_FINGERPRINT")), out);
        synchronized (opened) {
            opened[0] = connection;
        }
        SyncClient client = new SyncClient(connection);
        IdleHeapTrim trim = new IdleHeapTrim();
        for (String[] p : mapped) {
            FolderInfo f = client.info(p[1]);
            if ("read".equals(f.right())) {
                out.say("read-only: you may only read folder '" + f.name() + "'; local changes in " + p[0] + " are reported, not uploaded");
            }
            SyncEngine[] engine = new SyncEngine[1];
            SyncEngine e = new SyncEngine(client, name, Path.of(p[0]), p[1], settings, text -> out.say(engine[0], text));
            engine[0] = e;
            String[] last = { "" };
            e.onSynced(done -> {
                String s = done.stats().toString();
                if (!s.equals(last[0])) {
                    out.counters(done, last[0].isEmpty());
                    last[0] = s;
                }
            });
            SyncEngine.State[] shown = { null };
            e.onChange(() -> {
                SyncEngine.State now = e.state();
                synchronized (shown) {
                    if (now != shown[0]) {
                        shown[0] = now;
                        out.state(e, now);
                        if (now == SyncEngine.State.SYNCING) {
                            trim.busy(e);
                        } else {
                            trim.idle(e);
                        }
                    }
                }
            });
            engines.add(e);
            out.watching(e);
            e.start();
        }
        stopped.await();
        return ExitCodes.OK;
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = { "Pause syncing LOCAL_DIR: its running agent stops within a second,",
            "and agents started later stay paused, until 'sync-agent resume LOCAL_DIR'." })
    void pause(@Parameters(paramLabel = "LOCAL_DIR", arity = "1..*") List<Path> dirs) {
        markPaused(dirs, true);
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume syncing LOCAL_DIR (its running agent catches up within a second).")
    void resume(@Parameters(paramLabel = "LOCAL_DIR", arity = "1..*") List<Path> dirs) {
        markPaused(dirs, false);
    }

    /** Sets the pause mark of each pair's directory, which the engines follow; no server is needed. */
    private void markPaused(List<Path> dirs, boolean pause) {
        List<String> done = new ArrayList<>();
        for (Path d : dirs) {
            Path dir = d.toAbsolutePath().normalize();
            if (!java.nio.file.Files.isDirectory(dir.resolve(org.syncline.sync.internal.engine.LocalIndex.STATE_DIR))) {
                throw new SynclineException(ErrorCode.NOT_FOUND, "'" + org.syncline.core.Names.printable(d.toString())
                        + "' is not a synced directory (it has no " + org.syncline.sync.internal.engine.LocalIndex.STATE_DIR
                        + "/); give the LOCAL_DIR of a --pair that has synced once.");
            }
            SyncEngine.mark(dir, pause);
            done.add(dir.toString());
        }
        cli.print(org.syncline.core.json.Json.object("dirs", done, "paused", pause),
                (pause ? "Paused " : "Resumed ") + String.join(", ", done) + (pause ? "; a running agent stops syncing it within a second."
                        : "; a running agent catches up within a second."));
    }

    /** The global --json (before or after sync-agent): one JSON object a line (see {@link AgentOutput}) instead of text. */
    private boolean json() {
        for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }

    /** Waits for a server that cannot be reached yet (a laptop starting without network); other refusals end the agent. */
    private static Connection open(ConnectionSettings settings, FingerprintCheck trust, AgentOutput out) throws InterruptedException {
        long wait = 1000;
        boolean said = false;
        while (true) {
            try {
                return Connection.open(settings, KnownServers.forUser(), trust);
            } catch (SynclineException e) {
                if (e.code() != ErrorCode.CONNECTION_FAILED && e.code() != ErrorCode.TIMEOUT) { // TIMEOUT: it accepted, then stalled
                    throw e;
                }
                if (!said) {
                    out.say("waiting for " + settings.server() + ": " + e.getMessage());
                    said = true;
                }
                Thread.sleep(wait);
                wait = Math.min(30_000, wait * 2);
            }
        }
    }

    private static List<String[]> pairs(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw usage("Give at least one --pair LOCAL_DIR=FOLDER.");
        }
        List<String[]> out = new ArrayList<>();
        for (String p : given) {
            int eq = p.lastIndexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw usage("--pair '" + org.syncline.core.Names.printable(p) + "' is not LOCAL_DIR=FOLDER.");
            }
            out.add(new String[] { Path.of(p.substring(0, eq)).toAbsolutePath().normalize().toString(), p.substring(eq + 1) });
        }
        return out;
    }

    private static String required(String value, String env, String option) {
        String v = value != null ? value : System.getenv(env);
        if (v == null || v.isBlank()) {
            throw usage("Give " + option + " (or set " + env + ").");
        }
        return v;
    }

    private static Duration duration(String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        return org.syncline.core.Durations.parse(text).filter(d -> !d.isZero()).orElseThrow(() -> usage(
                "--rescan is a duration such as 30s, 10m or 1h, not '" + org.syncline.core.Names.printable(text) + "'."));
    }

    /** A bandwidth limit in bytes per second (0, or none given: no limit), with rsync's units: 512K is 524,288. */
    static long limit(String text) {
        if (text == null) {
            return 0;
        }
        return org.syncline.core.ByteSizes.parse(text).orElseThrow(() -> usage("A bandwidth limit is bytes per second such as 500000,"
                + " 512K or 2 MiB (0: none), not '" + org.syncline.core.Names.printable(text) + "'."));
    }

    private static SynclineException usage(String message) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, message + " See 'syncline sync-agent --help'.");
    }
}
