package org.syncline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

class EnrollmentsTest {
    private static final String FP = "AB:".repeat(31) + "AB";
    @TempDir
    Path tmp;
    private Database db;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    private Enrollments enrollments;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("db"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        enrollments = new Enrollments(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Enrollments.Credential enrol(String secret) {
        return enrollments.enrol(secret, "node-1", "storage", FP, Enrollments.newSecret(), "127.0.0.1");
    }

    @Test
    void aTokenIsKeptHashedAndEnrolsExactlyOnce() {
        Enrollments.NewToken t = enrollments.createToken("admin", Duration.ofHours(1));
        assertEquals(43, t.secret().length());
        assertEquals(Enrollments.idOf(t.secret()), t.token().id());
        assertEquals("valid", enrollments.tokens().get(0).state(now.get()));
        Enrollments.Credential c = enrol(t.secret());
        assertTrue(enrollments.authenticate(c.id(), c.secret()).isPresent());
        assertFalse(enrollments.authenticate(c.id(), Enrollments.newSecret()).isPresent());
        SynclineException again = assertThrows(SynclineException.class, () -> enrol(t.secret()));
        assertEquals(ErrorCode.ACCESS_DENIED, again.code());
        assertTrue(again.getMessage().contains("already used"), again.getMessage());
        assertEquals(1, enrollments.servers().size(), "a refused enrollment adds no member");
        assertEquals("used", enrollments.tokens().get(0).state(now.get()));
        assertThrows(SynclineException.class, () -> enrollments.revoke(t.token().id()), "a used token has done its work");
    }

    @Test
    void expiredAndRevokedTokensAreRefusedSayingWhich() {
        Enrollments.NewToken expiring = enrollments.createToken("admin", Duration.ofMinutes(30));
        Enrollments.NewToken revoked = enrollments.createToken("admin", Duration.ofMinutes(30));
        enrollments.revoke(revoked.token().id());
        now.set(now.get().plus(Duration.ofMinutes(30)));
        assertTrue(assertThrows(SynclineException.class, () -> enrol(expiring.secret())).getMessage().contains("expired at"));
        assertTrue(assertThrows(SynclineException.class, () -> enrol(revoked.secret())).getMessage().contains("was revoked"));
        assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class, () -> enrol(Enrollments.newSecret())).code());
        assertTrue(enrollments.servers().isEmpty());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> enrollments.revoke("nosuch")).code());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(SynclineException.class,
                () -> enrollments.createToken("admin", Duration.ofDays(31))).code());
        assertNotEquals(Enrollments.newSecret(), Enrollments.newSecret());
    }
}
