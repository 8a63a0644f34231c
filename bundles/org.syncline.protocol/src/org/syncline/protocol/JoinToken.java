package org.syncline.protocol;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * The text of an enrollment token, {@code SYN1.<fingerprint prefix>.<secret>}: the first 32 hex digits of
 * the issuing server's certificate fingerprint let the joining server verify whom it talks to without a
 * trust prompt (as kubeadm's CA hash does), the secret authorises it once.
 */
public record JoinToken(String fingerprintPrefix, String secret) {
    private static final Pattern TEXT = Pattern.compile("SYN1\\.([0-9A-F]{32})\\.([A-Za-z0-9_-]{43})");
    private static final int PREFIX_HEX = 32;

    public static JoinToken issuedBy(String fingerprint, String secret) {
        return new JoinToken(hexOf(fingerprint).substring(0, PREFIX_HEX), secret);
    }

    public static JoinToken parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT,
                    "That is not an enrollment token: it looks like SYN1.<32 hex digits>.<43 characters>, as 'syncline cli node token' prints it.");
        }
        return new JoinToken(m.group(1), m.group(2));
    }

    /** Whether the certificate with this fingerprint (colon pairs or plain hex) is the one that issued the token. */
    public boolean issuedBy(String fingerprint) {
        return hexOf(fingerprint).startsWith(fingerprintPrefix);
    }

    public String text() {
        return "SYN1." + fingerprintPrefix + "." + secret;
    }

    private static String hexOf(String fingerprint) {
        return fingerprint.replace(":", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "JoinToken[" + fingerprintPrefix + ", secret hidden]";
    }
}
