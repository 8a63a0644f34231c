package org.syncline.sync.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline cli folder ...}. */
public final class FolderCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new FolderCommands(cli);
    }
}
