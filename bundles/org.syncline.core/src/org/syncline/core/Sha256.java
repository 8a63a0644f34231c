package org.syncline.core;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the names of blobs and certificate fingerprints. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(newDigest().digest(data));
    }

    /** Digest of a stream, read in 64 KiB steps. */
    public static String hex(InputStream in) throws IOException {
        MessageDigest d = newDigest();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            d.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    public static boolean isHex(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Colon-separated upper-case pairs, the way SSH and browsers show fingerprints. */
    public static String fingerprint(byte[] encoded) {
        String hex = hex(encoded).toUpperCase();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                b.append(':');
            }
            b.append(hex, i, i + 2);
        }
        return b.toString();
    }
}
