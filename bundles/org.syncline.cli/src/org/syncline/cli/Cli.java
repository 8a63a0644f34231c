package org.syncline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.syncline.admin.ServerStatus;
import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.CommandLine;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.Names;
import org.syncline.core.PasswordFile;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.KnownServers;

/**
 * {@code syncline cli}: global options, then a command and its options. Prints a table, or with --json one
 * JSON document; on failure one line on stderr and a non-zero exit code.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int UNREACHABLE = 4;

    public static final String HELP = """
            usage: syncline cli [--server HOST:PORT] [--user NAME] [--password-file F] [--json] COMMAND
              (or SYNCLINE_SERVER, SYNCLINE_USER, SYNCLINE_PASSWORD in the environment)
            commands:
              status                                   version, uptime, sessions and roles of the server
              user list                                list users (admin)
              user add NAME --password-file F [--admin] create a user (admin)
              user passwd NAME --password-file F       set a password (admin, or your own)
              user rm NAME                             remove a user (admin)
            exit codes: 0 ok, 1 failed, 2 usage, 3 login refused, 4 server unreachable or untrusted
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private boolean json;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public int run(String[] args) {
        int split = 0;
        while (split < args.length && args[split].startsWith("--")) {
            split += takesValue(args[split]) ? 2 : 1;
        }
        split = Math.min(split, args.length);
        try {
            CommandLine global = CommandLine.parse(Arrays.copyOfRange(args, 0, split),
                    Set.of("server", "user", "password-file"), Set.of("json", "help"));
            json = global.flag("json");
            String[] rest = Arrays.copyOfRange(args, split, args.length);
            if (global.flag("help") || rest.length == 0 || rest[0].equals("help")) {
                out.print(HELP);
                return rest.length == 0 && !global.flag("help") ? USAGE : OK;
            }
            CommandLine command = CommandLine.parse(rest, Set.of("password-file"), Set.of("admin", "json"));
            json |= command.flag("json");
            List<String> words = command.positionals();
            validate(words, command);
            try (Connection connection = connect(global)) {
                return execute(new AdminClient(connection), connection, words, command);
            }
        } catch (SynclineException e) {
            return fail(e);
        }
    }

    private static boolean takesValue(String option) {
        return !option.contains("=") && Set.of("--server", "--user", "--password-file").contains(option);
    }

    private void validate(List<String> words, CommandLine command) {
        if (words.isEmpty()) {
            throw usage("No command given.");
        }
        String cmd = String.join(" ", words.subList(0, Math.min(2, words.size())));
        int expected = switch (cmd.startsWith("user") ? cmd : words.get(0)) {
            case "status" -> 1;
            case "user list" -> 2;
            case "user add", "user passwd", "user rm" -> 3;
            default -> throw usage("Unknown command '" + Names.printable(String.join(" ", words)) + "'.");
        };
        if (words.size() != expected) {
            throw usage("'" + cmd + "' takes " + (expected - (cmd.startsWith("user") ? 2 : 1)) + " argument(s).");
        }
        boolean needsPassword = cmd.equals("user add") || cmd.equals("user passwd");
        if (needsPassword && command.value("password-file").isEmpty()) {
            throw usage("'" + cmd + "' needs --password-file F with the new password.");
        }
        if (command.flag("admin") && !cmd.equals("user add")) {
            throw usage("--admin goes only with 'user add'.");
        }
    }

    private int execute(AdminClient admin, Connection connection, List<String> words, CommandLine command) {
        switch (String.join(" ", words.subList(0, Math.min(2, words.size())))) {
            case "status" -> printStatus(admin.status(), connection);
            case "user list" -> printUsers(admin.users());
            case "user add" -> {
                UserInfo u = admin.addUser(words.get(2), PasswordFile.read(Path.of(command.value("password-file").get())),
                        command.flag("admin"));
                print(u.toJson(), "Created user '" + u.name() + "'" + (u.admin() ? " (admin)." : "."));
            }
            case "user passwd" -> {
                admin.setPassword(words.get(2), PasswordFile.read(Path.of(command.value("password-file").get())));
                print(Json.object("name", words.get(2), "ok", true), "Password of '" + words.get(2) + "' changed.");
            }
            default -> {
                admin.removeUser(words.get(2));
                print(Json.object("name", words.get(2), "ok", true), "Removed user '" + words.get(2) + "'.");
            }
        }
        return OK;
    }

    private Connection connect(CommandLine global) {
        String server = global.value("server").orElse(env.get("SYNCLINE_SERVER"));
        if (server == null) {
            throw usage("Say which server: --server HOST:PORT or SYNCLINE_SERVER.");
        }
        HostPort address = HostPort.parse(server);
        String user = global.value("user").orElse(env.getOrDefault("SYNCLINE_USER", System.getProperty("user.name")));
        char[] password;
        if (global.value("password-file").isPresent()) {
            password = PasswordFile.read(Path.of(global.value("password-file").get()));
        } else if (env.get("SYNCLINE_PASSWORD") != null) {
            password = env.get("SYNCLINE_PASSWORD").toCharArray();
        } else {
            throw usage("Give a password: --password-file F or SYNCLINE_PASSWORD.");
        }
        ConnectionSettings settings = new ConnectionSettings(address, user, password, "syncline-cli", Duration.ofSeconds(30), false);
        return Connection.open(settings, KnownServers.forUser(), (hp, fingerprint) -> {
            err.println("syncline: trusting " + hp + " on first use, certificate fingerprint " + fingerprint);
            return true;
        });
    }

    private void printStatus(ServerStatus s, Connection connection) {
        Map<String, Object> doc = s.toJson();
        doc.put("server", connection.settings().server().toString());
        doc.put("fingerprint", connection.server().fingerprint());
        print(doc, String.format("server:      %s (%s)%nversion:     %s%nuptime:      %s%nsessions:    %d%nroles:       %s%nfingerprint: %s",
                connection.settings().server(), s.name(), s.version(), Uptime.format(s.uptimeSeconds()), s.sessions(),
                String.join(", ", s.roles()), connection.server().fingerprint()));
    }

    private void printUsers(List<UserInfo> users) {
        StringBuilder b = new StringBuilder(String.format("%-24s %-6s %s", "NAME", "ADMIN", "CREATED"));
        for (UserInfo u : users) {
            b.append(String.format("%n%-24s %-6s %s", u.name(), u.admin() ? "yes" : "no", u.created()));
        }
        print(Json.object("users", users.stream().map(UserInfo::toJson).toList()), b.toString());
    }

    private void print(Map<String, Object> doc, String text) {
        out.println(json ? Json.pretty(doc) : text);
    }

    private int fail(SynclineException e) {
        if (json) {
            out.println(Json.pretty(Json.object("error", Json.object("code", e.code().name(), "message", e.getMessage()))));
        }
        err.println("syncline: " + e.toUserText());
        return switch (e.code()) {
            case INVALID_ARGUMENT -> USAGE;
            case AUTH_FAILED, AUTH_THROTTLED -> AUTH;
            case CONNECTION_FAILED, CERTIFICATE_CHANGED, PROTOCOL_VERSION, TIMEOUT -> UNREACHABLE;
            default -> FAILED;
        };
    }

    private static SynclineException usage(String message) {
        return new SynclineException(ErrorCode.INVALID_ARGUMENT, message + " See 'syncline cli --help'.");
    }
}
