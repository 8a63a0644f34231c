package org.syncline.admin.internal.cli;

import java.util.List;

import org.syncline.admin.GroupInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.cli.api.CliContext;
import org.syncline.core.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "group", description = "Groups of users (admin): list, add, rm, join, leave. Capabilities grant rights to groups.",
        mixinStandardHelpOptions = true)
final class GroupCommands {
    private final CliContext cli;

    GroupCommands(CliContext cli) {
        this.cli = cli;
    }

    private AdminClient admin() {
        return new AdminClient(cli.connection());
    }

    @Command(name = "list", description = "List groups and their members.", mixinStandardHelpOptions = true)
    void list() {
        List<GroupInfo> groups = admin().groups();
        StringBuilder b = new StringBuilder(String.format("%-24s %s", "GROUP", "MEMBERS"));
        for (GroupInfo g : groups) {
            b.append(String.format("%n%-24s %s", g.name(), String.join(",", g.members())));
        }
        cli.print(Json.object("groups", groups), b.toString());
    }

    @Command(name = "add", description = "Create a group.", mixinStandardHelpOptions = true)
    void add(@Parameters(paramLabel = "GROUP") String name) {
        GroupInfo g = admin().addGroup(name);
        cli.print(Json.tree(g), "Created group '" + g.name() + "'.");
    }

    @Command(name = "rm", description = "Remove a group (its members stay users).", mixinStandardHelpOptions = true)
    void remove(@Parameters(paramLabel = "GROUP") String name) {
        admin().removeGroup(name);
        cli.print(Json.object("name", name, "ok", true), "Removed group '" + name + "'.");
    }

    @Command(name = "join", description = "Add a user to a group.", mixinStandardHelpOptions = true)
    void join(@Parameters(paramLabel = "GROUP") String group, @Parameters(paramLabel = "USER") String user) {
        GroupInfo g = admin().addMember(group, user);
        cli.print(Json.tree(g), "'" + user + "' is in group '" + group + "'.");
    }

    @Command(name = "leave", description = "Take a user out of a group.", mixinStandardHelpOptions = true)
    void leave(@Parameters(paramLabel = "GROUP") String group, @Parameters(paramLabel = "USER") String user) {
        GroupInfo g = admin().removeMember(group, user);
        cli.print(Json.tree(g), "'" + user + "' left group '" + group + "'.");
    }
}
