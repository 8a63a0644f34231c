package org.syncline.distribution.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline cli job ...}. */
public final class JobCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new JobCommands(cli);
    }
}
