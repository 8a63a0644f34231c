package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class PasswordHasherTest {
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    /**
     * Made by the Argon2 reference implementation, not by BouncyCastle:
     * {@code echo -n "correct horse battery staple" | argon2 syncline-salt-16 -id -v 13 -t 2 -k 19456 -p 1 -l 32}.
     */
    private static final String REFERENCE =
            "$argon2id$v=19$m=19456,t=2,p=1$c3luY2xpbmUtc2FsdC0xNg$BpCZt9fgQVuJGWFys8nDkFZolQmg4Z0lMARx/K/HYI0";
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aNewHashIsArgon2idWithOwaspParametersSaltAndLength() {
        String encoded = hasher.hash(PASSWORD);
        String[] parts = encoded.split("\\$", -1);
        assertEquals(6, parts.length, encoded);
        assertEquals("", parts[0]);
        assertEquals("argon2id", parts[1]);
        assertEquals("v=19", parts[2]);
        assertEquals("m=19456,t=2,p=1", parts[3]);
        assertFalse(parts[4].contains("=") || parts[5].contains("="), "no base64 padding: " + encoded);
        assertEquals(16, Base64.getDecoder().decode(parts[4]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[5]).length);
        assertTrue(hasher.verify(PASSWORD, encoded));
        assertFalse(hasher.needsRehash(encoded));
    }

    @Test
    void aHashFromTheReferenceImplementationVerifies() {
        assertTrue(hasher.verify(PASSWORD, REFERENCE));
        assertFalse(hasher.verify("correct horse battery stapler".toCharArray(), REFERENCE));
    }

    @Test
    void theStoredParametersAreHonoured() {
        // The reference hash under other parameters is a different key, so it must no longer match.
        assertFalse(hasher.verify(PASSWORD, REFERENCE.replace("t=2", "t=3")));
        assertFalse(hasher.verify(PASSWORD, REFERENCE.replace("m=19456", "m=19457")));
        assertTrue(hasher.needsRehash(REFERENCE.replace("t=2", "t=1")));
    }

    @Test
    void twoHashesOfOnePasswordDifferBySalt() {
        String a = hasher.hash(PASSWORD);
        String b = hasher.hash(PASSWORD);
        assertNotEquals(a.split("\\$")[4], b.split("\\$")[4]);
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
    void anOldPbkdf2HashStillVerifiesAndAsksForARehash() throws Exception {
        String old = pbkdf2Hash(PASSWORD, 1000);
        assertTrue(hasher.verify(PASSWORD, old));
        assertFalse(hasher.verify("wrong password".toCharArray(), old));
        assertFalse(hasher.verify(PASSWORD, old.replace("$1000$", "$1001$")), "the stored count is honoured");
        assertTrue(hasher.needsRehash(old));
    }

    /** Changed bytes of a well-formed hash are a wrong password, not an error. */
    @ParameterizedTest
    @ValueSource(ints = { 4, 5 })
    void aChangedSaltOrHashDoesNotMatch(int field) {
        String[] p = hasher.hash(PASSWORD).split("\\$", -1);
        p[field] = (p[field].charAt(0) == 'A' ? "B" : "A") + p[field].substring(1);
        assertFalse(hasher.verify(PASSWORD, String.join("$", p)));
    }

    /** A hash no password can match is refused with a code and a sentence, not an exception trace. */
    @ParameterizedTest
    @ValueSource(strings = { "m=19456,t=2", "m=19456,t=2,p=1,x=3", "m=abc,t=2,p=1", "m=019456,t=2,p=1",
            "m=99999999,t=2,p=1", "m=19456,t=999,p=1", "m=19456,t=2,p=99", "m=7,t=2,p=1", "m=19456;t=2;p=1",
            "m=-1,t=2,p=1", "" })
    void aTamperedParameterStringIsRefusedWithAClearError(String params) {
        String[] p = hasher.hash(PASSWORD).split("\\$", -1);
        p[3] = params;
        String tampered = String.join("$", p);
        SynclineException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SynclineException.class, () -> hasher.verify(PASSWORD, tampered)));
        assertEquals(ErrorCode.INTEGRITY, e.code());
        assertTrue(e.getMessage().startsWith("The stored password hash cannot be checked because its argon2id parameters '"
                + params + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("an administrator must set the password again."), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "version", "truncated", "extraField", "notBase64", "padded", "shortSalt", "scheme",
            "empty", "pbkdf2Count", "pbkdf2Fields" })
    void anyOtherDamageIsRefusedWithAClearError(String how) throws Exception {
        String encoded = hasher.hash(PASSWORD);
        String[] p = encoded.split("\\$", -1);
        String tampered = switch (how) {
            case "version" -> encoded.replace("v=19", "v=16");
            case "truncated" -> encoded.substring(0, encoded.length() - 8);
            case "extraField" -> encoded + "$x";
            case "notBase64" -> encoded.substring(0, encoded.length() - 1) + "*";
            case "padded" -> encoded + "=";
            case "shortSalt" -> "$" + p[1] + "$" + p[2] + "$" + p[3] + "$" + p[4].substring(0, 8) + "$" + p[5];
            case "scheme" -> encoded.replace("argon2id", "argon2i");
            case "pbkdf2Count" -> pbkdf2Hash(PASSWORD, 1000).replace("$1000$", "$999999999$");
            case "pbkdf2Fields" -> pbkdf2Hash(PASSWORD, 1000) + "$x";
            default -> "";
        };
        SynclineException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SynclineException.class, () -> hasher.verify(PASSWORD, tampered)));
        assertEquals(ErrorCode.INTEGRITY, e.code(), tampered);
        assertTrue(e.getMessage().startsWith("The stored password hash cannot be checked because "), e.getMessage());
    }

    static String pbkdf2Hash(char[] password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        salt[0] = 7;
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
    }
}
