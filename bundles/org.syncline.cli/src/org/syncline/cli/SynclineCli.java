package org.syncline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import org.syncline.cli.api.CommandGroup;
import org.syncline.cli.api.ExitCodes;
import org.syncline.cli.internal.GlobalOptions;
import org.syncline.cli.internal.NodeCommands;
import org.syncline.cli.internal.ServerSession;
import org.syncline.cli.internal.StatusCommand;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;

import picocli.CommandLine;

/**
 * {@code syncline cli}: global options, then a command of the built-in {@code status} or of a group a
 * capability contributes. Prints a table, or with --json one JSON document; on failure one line on stderr
 * and an exit code from {@link ExitCodes}.
 */
public final class SynclineCli {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final List<CommandGroup> groups;

    public SynclineCli(PrintStream out, PrintStream err, Map<String, String> env, List<CommandGroup> groups) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.groups = groups;
    }

    public int run(String[] args) {
        GlobalOptions global = new GlobalOptions();
        try {
            return execute(global, args);
        } catch (RuntimeException e) {
            // a bug of ours (or of a command group): one line, never a stack trace
            return fail(global, new SynclineException(ErrorCode.INTERNAL, "The command failed unexpectedly: " + e));
        }
    }

    private int execute(GlobalOptions global, String[] args) {
        try (ServerSession session = new ServerSession(global, env, out, err)) {
            CommandLine root = new CommandLine(global);
            root.addSubcommand(new StatusCommand(session));
            root.addSubcommand(new NodeCommands(session));
            groups.stream().map(g -> g.command(session)).forEach(root::addSubcommand);
            root.setOut(new PrintWriter(out, true));
            root.setErr(new PrintWriter(err, true));
            root.setExecutionExceptionHandler((e, cmd, parsed) -> fail(global, e instanceof SynclineException s ? s
                    : new SynclineException(ErrorCode.INTERNAL, "Unexpected failure: " + e)));
            root.setParameterExceptionHandler((e, a) -> fail(global, new SynclineException(ErrorCode.INVALID_ARGUMENT,
                    sentence(e.getMessage()) + " See 'syncline cli " + commandPath(e.getCommandLine()) + "--help'.")));
            return root.execute(args);
        }
    }

    private static String sentence(String message) {
        String m = message == null ? "Invalid arguments" : message.strip();
        return m.endsWith(".") ? m : m + ".";
    }

    private static String commandPath(CommandLine c) {
        StringBuilder b = new StringBuilder();
        for (CommandLine p = c; p != null && p.getParent() != null; p = p.getParent()) {
            b.insert(0, p.getCommandName() + " ");
        }
        return b.toString();
    }

    private int fail(GlobalOptions global, SynclineException e) {
        if (global.json) {
            out.println(Json.pretty(Json.object("error", Json.object("code", e.code().name(), "message", e.getMessage()))));
        }
        err.println("syncline: " + e.toUserText() + (e.code() == ErrorCode.TIMEOUT ? " To wait longer: --timeout 5m (or SYNCLINE_TIMEOUT)." : ""));
        return ExitCodes.of(e.code());
    }
}
