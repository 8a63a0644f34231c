package org.syncline.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.store.internal.UtcTimestamps;

/**
 * Enrollment tokens and the servers that joined with them, for every capability that grows past one
 * machine (storage nodes, agents). Tokens are random 256-bit secrets kept only as their SHA-256, single-use,
 * expiring and revocable; enrolling consumes the token and records the new member in one transaction.
 */
public final class Enrollments {
    /** The schema component these tables belong to. */
    public static final String COMPONENT = "enrollment";
    public static final List<Migration> MIGRATIONS = List.of(Migration.sql(1, "enrollment tokens and enrolled servers",
            """
            CREATE TABLE enrollment_tokens (
                id VARCHAR(16) NOT NULL PRIMARY KEY,
                secret_hash VARCHAR(64) NOT NULL UNIQUE,
                created_by VARCHAR(64) NOT NULL,
                created TIMESTAMP NOT NULL,
                expires TIMESTAMP NOT NULL,
                used_by VARCHAR(300),
                used_at TIMESTAMP,
                revoked_at TIMESTAMP)""",
            """
            CREATE TABLE enrolled_servers (
                id VARCHAR(36) NOT NULL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                roles VARCHAR(255) NOT NULL,
                secret_hash VARCHAR(64) NOT NULL,
                fingerprint VARCHAR(128) NOT NULL,
                callback_secret VARCHAR(64) NOT NULL,
                token_id VARCHAR(16) NOT NULL,
                enrolled TIMESTAMP NOT NULL)"""));

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_COLUMNS = "id, created_by, created, expires, used_by, used_at, revoked_at";
    private static final String SERVER_COLUMNS = "id, name, roles, fingerprint, callback_secret, token_id, enrolled";

    /** A token just made: its record and the secret, shown once. */
    public record NewToken(EnrollmentToken token, String secret) {
    }

    /** What the enrolling server gets: its id and the secret it logs in with from then on. */
    public record Credential(String id, String secret) {
    }

    private final Database db;
    private final Clock clock;

    public Enrollments(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.migrate(COMPONENT, MIGRATIONS);
    }

    /** A random 256-bit secret, URL-safe Base64 without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash a secret is kept as: SHA-256 is enough for random 256-bit secrets (no guessing to slow down). */
    public static String hash(String secret) {
        return Sha256.hex(secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A token's id is the start of its hash, so it can be named without its secret. */
    public static String idOf(String secret) {
        return hash(secret).substring(0, 12);
    }

    public NewToken createToken(String createdBy, Duration validFor) {
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Duration.ofDays(30)) > 0) {
            throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "A token may be valid for a second up to 30 days, not " + validFor + ".");
        }
        String secret = newSecret();
        Instant now = now();
        EnrollmentToken token = new EnrollmentToken(idOf(secret), createdBy, now, now.plus(validFor), null, null, null);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrollment_tokens (id, secret_hash, created_by, created, expires)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, token.id());
                ps.setString(2, hash(secret));
                ps.setString(3, createdBy);
                UtcTimestamps.set(ps, 4, token.created());
                UtcTimestamps.set(ps, 5, token.expires());
                ps.executeUpdate();
            }
            return null;
        });
        return new NewToken(token, secret);
    }

    /** Every token, newest first. */
    public List<EnrollmentToken> tokens() {
        return db.inTransaction(c -> {
            List<EnrollmentToken> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM enrollment_tokens ORDER BY created DESC, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(token(rs));
                }
            }
            return all;
        });
    }

    /** The token whose secret this is, in whatever state; empty when no token has it. */
    public Optional<EnrollmentToken> tokenWithSecret(String secret) {
        return db.inTransaction(c -> findToken(c, "secret_hash", hash(secret)));
    }

    /** Revokes an unused token; a used one has done its work and an unknown id is NOT_FOUND. */
    public EnrollmentToken revoke(String id) {
        return db.inTransaction(c -> {
            EnrollmentToken t = findToken(c, "id", id).orElseThrow(() -> new SynclineException(ErrorCode.NOT_FOUND,
                    "There is no enrollment token '" + org.syncline.core.Names.printable(id) + "'; see 'syncline cli node tokens'."));
            if (t.usedAt() != null) {
                throw new SynclineException(ErrorCode.INVALID_ARGUMENT, "The enrollment token " + id + " was already used by "
                        + t.usedBy() + "; revoking it changes nothing.");
            }
            if (t.revokedAt() != null) {
                return t;
            }
            Instant now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE enrollment_tokens SET revoked_at = ? WHERE id = ?")) {
                UtcTimestamps.set(ps, 1, now);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return new EnrollmentToken(t.id(), t.createdBy(), t.created(), t.expires(), null, null, now);
        });
    }

    /**
     * Consumes the token and records the joining server, in one transaction: a token that is revoked,
     * used or expired is refused with a sentence saying which, and then nothing changes.
     */
    public Credential enrol(String tokenSecret, String name, String roles, String fingerprint, String callbackSecret, String from) {
        String secret = newSecret();
        String id = UUID.randomUUID().toString();
        db.inTransaction(c -> {
            EnrollmentToken t = findToken(c, "secret_hash", hash(tokenSecret)).orElseThrow(() -> new SynclineException(ErrorCode.AUTH_FAILED,
                    "This server does not know that enrollment token; check it, or ask an admin for a new one."));
            Instant now = now();
            String refusal = t.refusal(now);
            if (refusal != null) {
                throw new SynclineException(ErrorCode.ACCESS_DENIED, refusal);
            }
            String usedBy = (name + " (" + id + ", from " + from + ")");
            try (PreparedStatement ps = c.prepareStatement("UPDATE enrollment_tokens SET used_by = ?, used_at = ?"
                    + " WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL")) {
                ps.setString(1, usedBy.length() > 300 ? usedBy.substring(0, 300) : usedBy);
                UtcTimestamps.set(ps, 2, now);
                ps.setString(3, t.id());
                if (ps.executeUpdate() != 1) {
                    throw new SynclineException(ErrorCode.ACCESS_DENIED, "The enrollment token " + t.id()
                            + " was used by another server at the same moment; tokens are single-use.");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrolled_servers (id, name, roles, secret_hash, fingerprint,"
                    + " callback_secret, token_id, enrolled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, roles);
                ps.setString(4, hash(secret));
                ps.setString(5, fingerprint);
                ps.setString(6, callbackSecret);
                ps.setString(7, t.id());
                UtcTimestamps.set(ps, 8, now);
                ps.executeUpdate();
            }
            return null;
        });
        return new Credential(id, secret);
    }

    /** The enrolled server whose id and secret these are; empty for anything else. */
    public Optional<EnrolledServer> authenticate(String id, String secret) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SERVER_COLUMNS + ", secret_hash FROM enrolled_servers WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && java.security.MessageDigest.isEqual(rs.getString("secret_hash").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                            hash(secret).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                        return Optional.of(server(rs));
                    }
                }
            }
            return Optional.empty();
        });
    }

    public Optional<EnrolledServer> server(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SERVER_COLUMNS + " FROM enrolled_servers WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(server(rs)) : Optional.<EnrolledServer>empty();
                }
            }
        });
    }

    public List<EnrolledServer> servers() {
        return db.inTransaction(c -> {
            List<EnrolledServer> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SERVER_COLUMNS + " FROM enrolled_servers ORDER BY enrolled, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(server(rs));
                }
            }
            return all;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Optional<EnrollmentToken> findToken(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM enrollment_tokens WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(token(rs)) : Optional.empty();
            }
        }
    }

    private static EnrollmentToken token(ResultSet rs) throws SQLException {
        return new EnrollmentToken(rs.getString("id"), rs.getString("created_by"), UtcTimestamps.get(rs, "created"),
                UtcTimestamps.get(rs, "expires"), rs.getString("used_by"), UtcTimestamps.get(rs, "used_at"), UtcTimestamps.get(rs, "revoked_at"));
    }

    private static EnrolledServer server(ResultSet rs) throws SQLException {
        return new EnrolledServer(rs.getString("id"), rs.getString("name"), rs.getString("roles"), rs.getString("fingerprint"),
                rs.getString("callback_secret"), rs.getString("token_id"), UtcTimestamps.get(rs, "enrolled"));
    }
}
