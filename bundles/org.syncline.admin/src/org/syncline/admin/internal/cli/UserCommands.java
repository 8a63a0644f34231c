package org.syncline.admin.internal.cli;

import java.nio.file.Path;
import java.util.List;

import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.cli.api.CliContext;
import org.syncline.core.PasswordFile;
import org.syncline.core.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "user", description = "Users of the server: list, add, passwd, admin, disable, enable, rm.", mixinStandardHelpOptions = true,
        subcommandsRepeatable = false)
final class UserCommands {
    private final CliContext cli;

    UserCommands(CliContext cli) {
        this.cli = cli;
    }

    private AdminClient admin() {
        return new AdminClient(cli.connection());
    }

    @Command(name = "list", description = "List users with their groups (admin).", mixinStandardHelpOptions = true)
    void list() {
        List<UserInfo> users = admin().users();
        StringBuilder b = new StringBuilder(String.format("%-24s %-6s %-8s %-24s %s", "NAME", "ADMIN", "DISABLED", "CREATED", "GROUPS"));
        for (UserInfo u : users) {
            b.append(String.format("%n%-24s %-6s %-8s %-24s %s", u.name(), u.admin() ? "yes" : "no", u.disabled() ? "yes" : "no",
                    u.created(), String.join(",", u.groups())));
        }
        cli.print(Json.object("users", users), b.toString());
    }

    @Command(name = "add", description = "Create a user (admin).", mixinStandardHelpOptions = true)
    void add(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--password-file", required = true, paramLabel = "F", description = "file holding the new password") Path passwordFile,
            @Option(names = "--admin", description = "give the admin role") boolean asAdmin) {
        UserInfo u = admin().addUser(name, PasswordFile.read(passwordFile), asAdmin);
        cli.print(Json.tree(u), "Created user '" + u.name() + "'" + (u.admin() ? " (admin)." : "."));
    }

    @Command(name = "passwd", description = "Set a password: another user's (admin), or your own (proved by the password you logged in with). "
            + "The user's other sessions are closed.", mixinStandardHelpOptions = true)
    void passwd(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--password-file", required = true, paramLabel = "F", description = "file holding the new password") Path passwordFile) {
        char[] old = name.equals(cli.user()) ? cli.loginPassword() : null;
        admin().setPassword(name, PasswordFile.read(passwordFile), old);
        cli.print(Json.object("name", name, "ok", true), "Password of '" + name + "' changed.");
    }

    @Command(name = "admin", description = "Promote (--on) or demote (--off) a user (admin); a demoted user's sessions close.",
            mixinStandardHelpOptions = true)
    void setAdmin(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--on", description = "give the admin role") boolean on,
            @Option(names = "--off", description = "take the admin role away") boolean off) {
        if (on == off) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "Say --on or --off.");
        }
        UserInfo u = admin().setAdmin(name, on);
        cli.print(Json.tree(u), "'" + name + "' is " + (u.admin() ? "now an admin." : "no longer an admin."));
    }

    @Command(name = "disable", description = "Disable a user (admin): their sessions close and their logins are refused; "
            + "nothing of theirs is removed.", mixinStandardHelpOptions = true)
    void disable(@Parameters(paramLabel = "NAME") String name) {
        UserInfo u = admin().setDisabled(name, true);
        cli.print(Json.tree(u), "Disabled user '" + name + "'; their sessions are closed.");
    }

    @Command(name = "enable", description = "Enable a disabled user again (admin).", mixinStandardHelpOptions = true)
    void enable(@Parameters(paramLabel = "NAME") String name) {
        UserInfo u = admin().setDisabled(name, false);
        cli.print(Json.tree(u), "Enabled user '" + name + "'.");
    }

    @Command(name = "rm", description = "Remove a user (admin); their sessions close.", mixinStandardHelpOptions = true)
    void remove(@Parameters(paramLabel = "NAME") String name) {
        admin().removeUser(name);
        cli.print(Json.object("name", name, "ok", true), "Removed user '" + name + "'.");
    }
}
