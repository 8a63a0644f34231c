package org.syncline.cli.api;

import java.util.Map;

import org.syncline.protocol.Connection;

/** What a command of a {@link CommandGroup} gets from the CLI: the server connection and the output. */
public interface CliContext {
    /** The logged-in connection, opened on first use from the global options; the CLI closes it. */
    Connection connection();

    /** The user the CLI logs in as. */
    String user();

    /** The password the CLI logged in with (for commands that must prove it again, such as a password change). */
    char[] loginPassword();

    /** Prints the result: {@code json} with --json, else {@code text}. */
    void print(Map<String, Object> json, String text);

    /** A line for people on stderr (progress, notes); never with --json on stdout. */
    void note(String text);
}
