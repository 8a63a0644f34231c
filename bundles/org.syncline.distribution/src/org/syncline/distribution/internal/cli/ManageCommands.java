package org.syncline.distribution.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;
import org.syncline.core.json.Json;
import org.syncline.distribution.ManageGrant;
import org.syncline.distribution.client.ManageClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code syncline cli distribution managers|grant|revoke}: who holds the distribution-manage right. */
@Command(name = "distribution", description = "The distribution-manage right: who may change the topology and the jobs besides admins "
        + "(managers; grant and revoke need the admin role).", mixinStandardHelpOptions = true)
public final class ManageCommands {
    private final CliContext cli;

    ManageCommands(CliContext cli) {
        this.cli = cli;
    }

    /** The DS component of the command group. */
    public static final class Group implements CommandGroup {
        @Override
        public Object command(CliContext cli) {
            return new ManageCommands(cli);
        }
    }

    @Command(name = "managers", description = "List the users and groups that hold the distribution-manage right.", mixinStandardHelpOptions = true)
    void managers() {
        List<ManageGrant> grants = new ManageClient(cli.connection()).grants();
        List<Object> json = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-6s %-24s %s%n", "KIND", "NAME", "GRANTED BY"));
        for (ManageGrant g : grants) {
            json.add(Json.tree(g));
            text.append(String.format("%-6s %-24s %s%n", g.kind(), g.subject(), g.grantedBy()));
        }
        text.append(grants.size() == 1 ? "1 grant." : grants.size() + " grants.");
        cli.print(Map.of("grants", json), text.toString());
    }

    @Command(name = "grant", description = "Give a user (or with --group a group) the distribution-manage right.", mixinStandardHelpOptions = true)
    void grant(@Parameters(paramLabel = "NAME") String name, @Option(names = "--group", description = "NAME is a group") boolean group) {
        ManageGrant g = new ManageClient(cli.connection()).grant(group ? ManageGrant.GROUP : ManageGrant.USER, name);
        cli.print(Json.tree(g), "The " + g.kind() + " '" + g.subject() + "' may now change the topology and the jobs.");
    }

    @Command(name = "revoke", description = "Take the distribution-manage right from a user (or with --group a group).", mixinStandardHelpOptions = true)
    void revoke(@Parameters(paramLabel = "NAME") String name, @Option(names = "--group", description = "NAME is a group") boolean group) {
        ManageGrant g = new ManageClient(cli.connection()).revoke(group ? ManageGrant.GROUP : ManageGrant.USER, name);
        cli.print(Json.tree(g), "The " + g.kind() + " '" + g.subject() + "' no longer holds the distribution-manage right.");
    }
}
