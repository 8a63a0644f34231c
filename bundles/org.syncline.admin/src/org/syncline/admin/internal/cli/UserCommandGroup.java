package org.syncline.admin.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline cli user ...}. */
public final class UserCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new UserCommands(cli);
    }
}
