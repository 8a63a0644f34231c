package org.syncline.sync.internal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync-agent", mixinStandardHelpOptions = true,
        description = { "Keeps local folders in sync with shared folders of a server until stopped (SIGTERM or Ctrl-C).",
                "Prints one line per action. Credentials may also come from SYNCLINE_SERVER, SYNCLINE_USER, SYNCLINE_PASSWORD,",
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
    @Option(names = "--up-limit", paramLabel = "BYTES/S", description = "upload bandwidth limit (default: none)")
    Long upLimit;
    @Option(names = "--down-limit", paramLabel = "BYTES/S", description = "download bandwidth limit (default: none)")
    Long downLimit;

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
                limit(file.get("up-limit", upLimit == null ? null : upLimit.toString())),
                limit(file.get("down-limit", downLimit == null ? null : downLimit.toString())), defaults.parallel());

        PrintStream out = System.out;
        List<SyncEngine> engines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Connection[] opened = new Connection[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            line(out, "stopping");
            engines.forEach(SyncEngine::close);
            synchronized (opened) {
                if (opened[0] != null) {
                    opened[0].close();
                }
            }
            line(out, "stopped");
            stopped.countDown();
        }, "sync-agent-stop"));
        ConnectionSettings connect = new ConnectionSettings(address, name, password, "syncline-sync-agent", Duration.ofSeconds(60), true);
        java.util.Arrays.fill(password, '\0');
        Connection connection = open(connect, new FingerprintCheck(fingerprint != null ? fingerprint : System.getenv("SYNCLINE_TRUST_FINGERPRINT")), out);
        synchronized (opened) {
            opened[0] = connection;
        }
        SyncClient client = new SyncClient(connection);
        for (String[] p : mapped) {
            FolderInfo f = client.info(p[1]);
            if ("read".equals(f.right())) {
                line(out, "read-only: you may only read folder '" + f.name() + "'; local changes in " + p[0] + " are reported, not uploaded");
            }
            SyncEngine e = new SyncEngine(client, name, Path.of(p[0]), p[1], settings, text -> line(out, text));
            String[] last = { "" };
            e.onSynced(done -> {
                String s = done.stats().toString();
                if (!s.equals(last[0])) {
                    line(out, (last[0].isEmpty() ? "ready " : "synced ") + done.localDir() + " = " + done.folder() + ": " + s);
                    last[0] = s;
                }
            });
            engines.add(e);
            line(out, "watching " + e.localDir() + " = " + p[1]);
            e.start();
        }
        stopped.await();
        return ExitCodes.OK;
    }

    /** Waits for a server that cannot be reached yet (a laptop starting without network); other refusals end the agent. */
    private static Connection open(ConnectionSettings settings, FingerprintCheck trust, PrintStream out) throws InterruptedException {
        long wait = 1000;
        boolean said = false;
        while (true) {
            try {
                return Connection.open(settings, KnownServers.forUser(), trust);
            } catch (SynclineException e) {
                if (e.code() != ErrorCode.CONNECTION_FAILED) {
                    throw e;
                }
                if (!said) {
                    line(out, "waiting for " + settings.server() + ": " + e.getMessage());
                    said = true;
                }
                Thread.sleep(wait);
                wait = Math.min(30_000, wait * 2);
            }
        }
    }

    private static synchronized void line(PrintStream out, String text) {
        out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
        out.flush();
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
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,9}[smh]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        throw usage("--rescan is a duration such as 30s, 10m or 1h, not '" + org.syncline.core.Names.printable(text) + "'.");
    }

    private static long limit(String text) {
        if (text == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw usage("A bandwidth limit is a number of bytes per second (0: none), not '" + org.syncline.core.Names.printable(text) + "'.");
    }

    private static SynclineException usage(String message) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, message + " See 'syncline sync-agent --help'.");
    }
}
