package org.syncline.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.syncline.core.CommandLine;
import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.Names;
import org.syncline.core.Roles;
import org.syncline.core.SynclineException;
import org.syncline.protocol.ProtocolConstants;
import org.syncline.server.api.JoinRequest;
import org.syncline.server.api.ServerSettings;

/** What {@code syncline server} was asked to do. */
public record ServerOptions(Path data, InetSocketAddress bind, Set<String> roles, Optional<Path> adminPasswordFile,
        int maxFrame, int idleTimeoutSeconds, ServerSettings settings, Optional<JoinRequest> join, boolean help) {

    public static final String USAGE = """
            usage: syncline server [OPTIONS]
              --data DIR                 data directory (default: $XDG_DATA_HOME/syncline or ~/.local/share/syncline)
              --port N                   TLS port (default: 7443; 0 picks a free port)
              --bind ADDR                address to listen on (default: 0.0.0.0, all interfaces)
              --roles LIST               comma-separated roles: registry,storage,hub,master,agent,relay (default: all)
              --admin-password-file F    password for the 'admin' user created on first start
                                         (default: a generated password, printed once)
              --max-frame BYTES          largest frame accepted (default: 16777216)
              --idle-timeout SECONDS     close sessions silent for this long (default: 90)
              --set CAPABILITY.KEY=VALUE a capability setting, repeatable (e.g. sync.trash-retention=30d)
              --join HOST:PORT           join the deployment of the server at HOST:PORT (a storage node
                                         joining a registry, an agent joining a master); needs --token
              --token T                  the enrollment token an admin made with 'syncline cli node token'
            """;

    public static ServerOptions parse(String[] args) {
        CommandLine c = CommandLine.parse(args, Set.of("data", "port", "bind", "roles", "admin-password-file", "max-frame",
                "idle-timeout", "set", "join", "token"), Set.of("help"));
        if (!c.positionals().isEmpty()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "Unexpected argument '" + Names.printable(c.positionals().get(0)) + "'; see --help.");
        }
        int port = c.intValue("port", HostPort.DEFAULT_PORT, 0, 65535);
        String bindText = c.value("bind").orElse("0.0.0.0");
        InetAddress address;
        try {
            address = InetAddress.getByName(bindText);
        } catch (UnknownHostException e) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--bind '" + Names.printable(bindText) + "' is not an address of this machine.");
        }
        Optional<JoinRequest> join = Optional.empty();
        if (c.value("join").isPresent() != c.value("token").isPresent()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--join and --token go together: give both or neither.");
        }
        if (c.value("join").isPresent()) {
            String token = c.value("token").get().trim();
            if (token.isEmpty()) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "--token is empty; paste the token 'syncline cli node token' printed.");
            }
            join = Optional.of(new JoinRequest(HostPort.parse(c.value("join").get()), token));
        }
        Path data = c.value("data").map(Path::of).orElseGet(ServerOptions::defaultDataDir).toAbsolutePath();
        return new ServerOptions(data, new InetSocketAddress(address, port), Roles.parse(c.value("roles").orElse("all")),
                c.value("admin-password-file").map(Path::of),
                c.intValue("max-frame", ProtocolConstants.DEFAULT_MAX_FRAME, 1024, 256 * 1024 * 1024),
                c.intValue("idle-timeout", ProtocolConstants.DEFAULT_IDLE_TIMEOUT_SECONDS, 1, 86_400),
                ServerSettings.parse(c.values("set")), join, c.flag("help"));
    }

    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("syncline");
    }
}
