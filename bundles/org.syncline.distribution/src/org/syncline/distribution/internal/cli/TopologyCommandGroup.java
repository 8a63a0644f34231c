package org.syncline.distribution.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline cli topology ...}. */
public final class TopologyCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new TopologyCommands(cli);
    }
}
