package org.syncline.sync.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline sync-agent ...} (the launch script runs it as {@code syncline cli sync-agent}). */
public final class AgentCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new AgentCommand(cli);
    }
}
