package org.syncline.sharing.internal.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A room's password as the relay keeps it: a salted PBKDF2 hash, never the password. Rooms live in memory only,
 * so the hash never reaches a disk either; it still keeps a heap dump from giving the password away.
 */
final class RoomPassword {
    private static final int ITERATIONS = 50_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] salt = new byte[16];
    private final byte[] hash;

    RoomPassword(char[] password) {
        RANDOM.nextBytes(salt);
        hash = derive(password, salt);
    }

    /** Compares in constant time. */
    boolean matches(char[] candidate) {
        return MessageDigest.isEqual(hash, derive(candidate, salt));
    }

    private static byte[] derive(char[] password, byte[] salt) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(password, '\0');
        }
    }
}
