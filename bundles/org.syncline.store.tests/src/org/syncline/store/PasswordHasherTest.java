package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsPbkdf2Sha256WithTheDocumentedIterationsSaltAndLength() throws Exception {
        String encoded = hasher.hash(PASSWORD);
        String[] parts = encoded.split("\\$");
        assertEquals(4, parts.length, encoded);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(210_000, PasswordHasher.ITERATIONS);
        assertEquals(String.valueOf(PasswordHasher.ITERATIONS), parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] hash = Base64.getDecoder().decode(parts[3]);
        assertEquals(16, salt.length);
        assertEquals(32, hash.length);
        assertArrayEquals(pbkdf2(PASSWORD, salt, 210_000, 32), hash, "an independent PBKDF2 gives the same bytes");
        assertTrue(hasher.verify(PASSWORD, encoded));
    }

    @Test
    void twoHashesOfOnePasswordDifferBySalt() {
        String a = hasher.hash(PASSWORD);
        String b = hasher.hash(PASSWORD);
        assertNotEquals(a, b);
        assertNotEquals(a.split("\\$")[2], b.split("\\$")[2]);
        assertTrue(hasher.verify(PASSWORD, a));
        assertTrue(hasher.verify(PASSWORD, b));
    }

    @Test
    void aWrongPasswordIsRejected() {
        String encoded = hasher.hash(PASSWORD);
        assertFalse(hasher.verify("correct horse battery stapler".toCharArray(), encoded));
        assertFalse(hasher.verify(new char[0], encoded));
        assertFalse(hasher.verify(null, encoded));
    }

    @Test
    void theStoredIterationCountIsHonoured() throws Exception {
        byte[] salt = new byte[16];
        salt[0] = 7;
        Base64.Encoder b64 = Base64.getEncoder();
        String hash = b64.encodeToString(pbkdf2(PASSWORD, salt, 1000, 32));
        assertTrue(hasher.verify(PASSWORD, "pbkdf2-sha256$1000$" + b64.encodeToString(salt) + "$" + hash));
        assertFalse(hasher.verify(PASSWORD, "pbkdf2-sha256$1001$" + b64.encodeToString(salt) + "$" + hash));
    }

    @ParameterizedTest
    @ValueSource(strings = { "hash", "salt", "iterations", "leadingZero", "scheme", "truncated", "extraField",
            "notBase64", "empty" })
    void aTamperedHashIsRejected(String how) {
        String encoded = hasher.hash(PASSWORD);
        String[] p = encoded.split("\\$");
        String tampered = switch (how) {
            case "hash" -> p[0] + "$" + p[1] + "$" + p[2] + "$" + flipFirst(p[3]);
            case "salt" -> p[0] + "$" + p[1] + "$" + flipFirst(p[2]) + "$" + p[3];
            case "iterations" -> p[0] + "$210001$" + p[2] + "$" + p[3];
            case "leadingZero" -> p[0] + "$0" + p[1] + "$" + p[2] + "$" + p[3];
            case "scheme" -> "pbkdf2-sha1$" + p[1] + "$" + p[2] + "$" + p[3];
            case "truncated" -> encoded.substring(0, encoded.length() - 8);
            case "extraField" -> encoded + "$x";
            case "notBase64" -> p[0] + "$" + p[1] + "$" + p[2] + "$" + p[3].replace(p[3].charAt(0), '*');
            default -> "";
        };
        assertNotEquals(encoded, tampered);
        assertFalse(hasher.verify(PASSWORD, tampered), tampered);
    }

    @Test
    void anAbsurdIterationCountIsRejectedWithoutSpendingIt() {
        String[] p = hasher.hash(PASSWORD).split("\\$");
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertFalse(hasher.verify(PASSWORD, p[0] + "$999999999$" + p[2] + "$" + p[3])));
    }

    private static String flipFirst(String base64) {
        return (base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1);
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, iterations, bytes * 8)).getEncoded();
    }
}
