package org.syncline.sharing.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline cli room ...}. */
public final class RoomCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new RoomCommands(cli);
    }
}
