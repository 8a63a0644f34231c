package org.syncline.sharing.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline share ...} (the launch script runs it as {@code syncline cli [connection options] share}). */
public final class ShareCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new ShareCommand(cli);
    }
}
