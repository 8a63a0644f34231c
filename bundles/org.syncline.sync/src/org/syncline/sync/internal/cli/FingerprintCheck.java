package org.syncline.sync.internal.cli;

import java.util.Locale;

import org.syncline.core.ErrorCode;
import org.syncline.core.HostPort;
import org.syncline.core.SynclineException;
import org.syncline.protocol.FingerprintPrompt;

/**
 * How the agent trusts a server seen for the first time: it runs without a terminal, so only when the
 * fingerprint it was given matches (as the CLI does in scripts). Known servers are checked by the connection.
 */
record FingerprintCheck(String expected) implements FingerprintPrompt {
    @Override
    public boolean trustNewServer(HostPort server, String fingerprint) {
        if (expected == null || expected.isBlank()) {
            throw new SynclineException(ErrorCode.CERTIFICATE_CHANGED, "The server " + server + " is not known yet; its certificate fingerprint is "
                    + fingerprint + ". Compare it with the one the server printed at start, then pass --trust-fingerprint " + fingerprint
                    + " (or set SYNCLINE_TRUST_FINGERPRINT).");
        }
        if (!normal(expected).equals(normal(fingerprint))) {
            throw new SynclineException(ErrorCode.CERTIFICATE_CHANGED, "The certificate of " + server + " has fingerprint " + fingerprint
                    + ", not the " + expected + " you gave; someone may be intercepting the connection.");
        }
        return true;
    }

    private static String normal(String fp) {
        return fp.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT).replaceFirst("^sha-?256", "");
    }
}
