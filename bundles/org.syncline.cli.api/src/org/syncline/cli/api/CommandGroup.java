package org.syncline.cli.api;

/**
 * One capability's command group in {@code syncline cli} ({@code user}, {@code docs}, {@code folder},
 * ...). A bundle offers it as an OSGi service (a Declarative Services component providing this
 * interface); the CLI adds every group it finds, so {@code syncline cli --help} lists them all.
 */
public interface CommandGroup {
    /**
     * A picocli command object (a class annotated with {@code @Command}, usually with subcommands) bound to
     * {@code cli}: its commands connect through it and print through it.
     */
    Object command(CliContext cli);
}
