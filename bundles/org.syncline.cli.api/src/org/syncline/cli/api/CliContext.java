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

    /**
     * Standard output for a command's raw bytes (a download to {@code -}, as curl's {@code -o -}); a write that does not
     * reach it (a pipe whose reader has gone) throws, so the command stops instead of reading on for nobody.
     *
     * @throws org.syncline.core.SynclineException INVALID_ARGUMENT with --json, whose document would share it
     */
    java.io.OutputStream rawOutput();
}
