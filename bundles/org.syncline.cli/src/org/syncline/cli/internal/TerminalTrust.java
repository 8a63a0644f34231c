package org.syncline.cli.internal;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.protocol.FingerprintPrompt;

/**
 * Trusts a server seen for the first time the way ssh does: a fingerprint given by the user must match;
 * otherwise at a terminal the user is shown the fingerprint and asked; without a terminal it is refused.
 */
final class TerminalTrust implements FingerprintPrompt {
    private final String expected;
    private final Console console;
    private final PrintStream err;

    TerminalTrust(String expected, Console console, PrintStream err) {
        this.expected = expected;
        this.console = console;
        this.err = err;
    }

    @Override
    public boolean trustNewServer(HostPort server, String fingerprint) {
        if (expected != null && !expected.isBlank()) {
            if (normal(expected).equals(normal(fingerprint))) {
                err.println("syncline: trusting " + server + ", its certificate fingerprint matches the one given");
                return true;
            }
            throw new SynclineException(ErrorCode.CERTIFICATE_CHANGED, "The certificate of " + server + " has fingerprint "
                    + fingerprint + ", not the " + expected + " you gave; someone may be intercepting the connection.");
        }
        if (console == null) {
            throw new SynclineException(ErrorCode.CERTIFICATE_CHANGED, "The server " + server + " is not known yet; its certificate fingerprint is "
                    + fingerprint + ". Compare it with the one the server printed at start (also in its run/server.json), then pass"
                    + " --trust-fingerprint " + fingerprint + " (or set SYNCLINE_TRUST_FINGERPRINT).");
        }
        console.printf("The server %s is not known yet.%nIts certificate fingerprint is %s.%n", server, fingerprint);
        String answer = console.readLine("Trust it and remember it (yes/no)? ");
        return answer != null && (answer.trim().equalsIgnoreCase("yes") || answer.trim().equalsIgnoreCase("y"));
    }

    private static String normal(String fp) {
        return fp.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT).replaceFirst("^sha-?256", "");
    }
}
