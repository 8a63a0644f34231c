package org.syncline.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}. The iteration count
 * travels with each hash, so raising {@link #ITERATIONS} later leaves existing hashes verifiable.
 */
public final class PasswordHasher {
    /**
     * Iterations for new hashes. OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000 (210,000 is its
     * figure for HMAC-SHA512); raising this is safe because every hash records its own count.
     */
    public static final int ITERATIONS = 210_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    // A damaged or planted row must not make one login spend hours.
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,8}");

    private final SecureRandom random = new SecureRandom();

    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, ITERATIONS, KEY_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }

    /** False for a wrong password and for anything that is not a well-formed hash of this scheme. */
    public boolean verify(char[] password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0]) || !COUNT.matcher(parts[1]).matches()) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // A shorter hash would still match a prefix of the derived key, so the length is fixed, not read.
        if (iterations > MAX_ITERATIONS || salt.length < SALT_BYTES || expected.length != KEY_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(derive(password, salt, iterations, KEY_BYTES), expected);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot compute PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
