package org.syncline.documents.internal.cli;

import org.syncline.cli.api.CliContext;
import org.syncline.cli.api.CommandGroup;

import picocli.CommandLine;

/** Offers {@code syncline cli docs ...}, with the admin's {@code docs node ...} inside it. */
public final class DocsCommandGroup implements CommandGroup {
    @Override
    public Object command(CliContext cli) {
        return new CommandLine(new DocsCommands(cli)).addSubcommand(new DocsNodeCommands(cli));
    }
}
