package org.syncline.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/**
 * Password hashes. New ones are Argon2id in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding), with OWASP's parameters;
 * the parameters travel with each hash, so raising them later leaves existing hashes verifiable.
 * Hashes of the earlier scheme, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, still verify, and
 * {@link #needsRehash} tells the caller to replace them after a successful login.
 */
public final class PasswordHasher {
    /** OWASP's first Argon2id configuration: 19 MiB of memory, two passes, one lane. */
    public static final int MEMORY_KIB = 19_456;
    public static final int PASSES = 2;
    public static final int LANES = 1;
    static final String ARGON2ID = "argon2id";
    static final String PBKDF2 = "pbkdf2-sha256";
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    // A damaged or planted row must not make one login allocate gigabytes or run for minutes; the bounds
    // leave room to raise the parameters above OWASP's.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_PASSES = 64;
    private static final int MAX_LANES = 16;
    private static final int MAX_SALT_BYTES = 64;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern PARAMS = Pattern.compile("m=([1-9][0-9]{0,7}),t=([1-9][0-9]{0,2}),p=([1-9][0-9]?)");
    private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** A new Argon2id hash with a fresh salt and the current parameters. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = argon2id(password, salt, MEMORY_KIB, PASSES, LANES);
        return "$" + ARGON2ID + "$v=" + VERSION + "$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(key);
    }

    /**
     * True when the password matches the hash. A wrong password is false; a hash this class cannot read (an
     * unknown scheme, a damaged field, parameters outside the bounds a login may spend) is refused with
     * {@link ErrorCode#INTEGRITY}, because no password could ever match it and the owner needs to know.
     */
    public boolean verify(char[] password, String encoded) {
        if (password == null) {
            return false;
        }
        if (encoded != null && encoded.startsWith("$" + ARGON2ID + "$")) {
            return verifyArgon2id(password, encoded);
        }
        if (encoded != null && encoded.startsWith(PBKDF2 + "$")) {
            return verifyPbkdf2(password, encoded);
        }
        throw damaged("it is neither argon2id nor " + PBKDF2);
    }

    /** True when the hash is not Argon2id with the current parameters, so it should be replaced. */
    public boolean needsRehash(String encoded) {
        String current = "$" + ARGON2ID + "$v=" + VERSION + "$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$";
        return encoded == null || !encoded.startsWith(current);
    }

    private static boolean verifyArgon2id(char[] password, String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 6) {
            throw damaged("an argon2id hash has six '$'-separated fields, this one " + parts.length);
        }
        if (!("v=" + VERSION).equals(parts[2])) {
            throw damaged("its argon2id version '" + parts[2] + "' is not v=" + VERSION);
        }
        Matcher m = PARAMS.matcher(parts[3]);
        if (!m.matches()) {
            throw damaged("its argon2id parameters '" + parts[3] + "' are not m=KiB,t=passes,p=lanes");
        }
        int memory = Integer.parseInt(m.group(1));
        int passes = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (memory > MAX_MEMORY_KIB || passes > MAX_PASSES || lanes > MAX_LANES || memory < 8 * lanes) {
            throw damaged("its argon2id parameters '" + parts[3] + "' are outside m=8*p.." + MAX_MEMORY_KIB
                    + ", t=1.." + MAX_PASSES + ", p=1.." + MAX_LANES);
        }
        byte[] salt = decode(parts[4], "salt", false);
        byte[] expected = decode(parts[5], "hash", false);
        requireLengths(salt, expected);
        return MessageDigest.isEqual(argon2id(password, salt, memory, passes, lanes), expected);
    }

    private static boolean verifyPbkdf2(char[] password, String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4) {
            throw damaged("a " + PBKDF2 + " hash has four '$'-separated fields, this one " + parts.length);
        }
        if (!COUNT.matcher(parts[1]).matches() || Integer.parseInt(parts[1]) > MAX_ITERATIONS) {
            throw damaged("its iteration count '" + parts[1] + "' is not a number from 1 to " + MAX_ITERATIONS);
        }
        // The earlier scheme wrote padded base64, and its rows are still in databases.
        byte[] salt = decode(parts[2], "salt", true);
        byte[] expected = decode(parts[3], "hash", true);
        requireLengths(salt, expected);
        return MessageDigest.isEqual(pbkdf2(password, salt, Integer.parseInt(parts[1])), expected);
    }

    // A shorter hash would still match a prefix of the derived key, so the length is fixed, not read.
    private static void requireLengths(byte[] salt, byte[] hash) {
        if (salt.length < SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw damaged("its salt has " + salt.length + " bytes, not " + SALT_BYTES + " to " + MAX_SALT_BYTES);
        }
        if (hash.length != KEY_BYTES) {
            throw damaged("its hash has " + hash.length + " bytes, not " + KEY_BYTES);
        }
    }

    private static byte[] decode(String field, String what, boolean padded) {
        try {
            // PHC strings leave padding out; the decoder would accept it, the format does not.
            if (!padded && field.indexOf('=') >= 0) {
                throw new IllegalArgumentException("padding");
            }
            return Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw damaged("its " + what + " is not base64");
        }
    }

    private static byte[] argon2id(char[] password, byte[] salt, int memoryKib, int passes, int lanes) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] key = new byte[KEY_BYTES];
        generator.generateBytes(password, key);
        return key;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot compute PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static SynclineException damaged(String why) {
        return new SynclineException(ErrorCode.INTEGRITY, "The stored password hash cannot be checked because "
                + why + "; an administrator must set the password again.");
    }
}
