package org.syncline.documents.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

/** Offers {@code syncline cli docs ...}. */
public final class DocsCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new DocsCommands(cli);
    }
}
