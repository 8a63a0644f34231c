package org.syncline.cli.internal;

import java.util.Map;
import java.util.concurrent.Callable;

import org.syncline.cli.Uptime;
import org.syncline.cli.api.ExitCodes;
import org.syncline.core.json.Json;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ServerStatus;

import picocli.CommandLine.Command;

/** {@code status}: the server's own report, whatever capabilities it runs. */
@Command(name = "status", description = "Version, uptime, sessions, roles and capabilities of the server.", mixinStandardHelpOptions = true)
public final class StatusCommand implements Callable<Integer> {
    private final ServerSession session;

    public StatusCommand(ServerSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        Connection connection = session.connection();
        ServerStatus s = ServerStatus.of(connection);
        Map<String, Object> doc = Json.tree(s);
        doc.put("server", connection.settings().server().toString());
        doc.put("fingerprint", connection.server().fingerprint());
        session.print(doc, String.format("server:       %s (%s)%nversion:      %s%nuptime:       %s%nsessions:     %d%nroles:        %s%n"
                + "capabilities: %s%nfingerprint:  %s", connection.settings().server(), s.name(), s.version(),
                Uptime.format(s.uptimeSeconds()), s.sessions(), String.join(", ", s.roles()), String.join(", ", s.capabilities()),
                connection.server().fingerprint()));
        return ExitCodes.OK;
    }
}
