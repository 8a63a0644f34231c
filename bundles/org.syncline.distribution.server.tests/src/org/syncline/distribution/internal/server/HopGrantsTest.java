package org.syncline.distribution.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;

/** A parent's hop credentials: bound to run, child and paths; gone at the run's end or after an idle timeout. */
class HopGrantsTest {
    private static final String TOKEN = "ab".repeat(32);
    private static final String OTHER = "cd".repeat(32);
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final HopGrants grants = new HopGrants(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aGrantedTokenReadsInsideItsPathsOnly() {
        grants.grant(7, TOKEN, "t-2", List.of("out/site", "logs/a.txt"));
        assertTrue(grants.valid(TOKEN));
        assertEquals(7, grants.check(TOKEN, "out/site/index.html").run());
        assertEquals("t-2", grants.check(TOKEN, "logs/a.txt").child());
        SynclineException outside = assertThrows(SynclineException.class, () -> grants.check(TOKEN, "out/sitemap.xml"));
        assertEquals(ErrorCode.ACCESS_DENIED, outside.code());
        assertTrue(outside.getMessage().contains("does not cover 'out/sitemap.xml'"), outside.getMessage());
        assertThrows(SynclineException.class, () -> grants.check(TOKEN, "out/site/../../secret"));
    }

    @Test
    void aForgedTokenIsRefusedWithASentence() {
        grants.grant(7, TOKEN, "t-2", List.of("out"));
        assertFalse(grants.valid(OTHER));
        assertFalse(grants.valid("short"));
        SynclineException e = assertThrows(SynclineException.class, () -> grants.check(OTHER, "out/a"));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().startsWith("The hop token is not valid here"), e.getMessage());
    }

    @Test
    void theRunsEndRevokesItsTokensOnly() {
        grants.grant(7, TOKEN, "t-2", List.of("out"));
        grants.grant(8, OTHER, "t-3", List.of("out"));
        grants.end(7);
        assertFalse(grants.valid(TOKEN));
        assertThrows(SynclineException.class, () -> grants.check(TOKEN, "out/a"));
        assertTrue(grants.valid(OTHER));
    }

    @Test
    void anUnusedTokenExpiresAndUseKeepsItAlive() {
        grants.grant(7, TOKEN, "t-2", List.of("out"));
        now = now.plus(HopGrants.IDLE.minus(Duration.ofSeconds(1)));
        grants.check(TOKEN, "out/a"); // used: the idle time starts again
        now = now.plus(HopGrants.IDLE.minus(Duration.ofSeconds(1)));
        assertTrue(grants.valid(TOKEN));
        now = now.plus(HopGrants.IDLE);
        assertFalse(grants.valid(TOKEN));
        assertThrows(SynclineException.class, () -> grants.check(TOKEN, "out/a"));
    }

    @Test
    void aTokenMustBe256BitsOfHex() {
        SynclineException e = assertThrows(SynclineException.class, () -> grants.grant(7, "abc", "t-2", List.of("out")));
        assertEquals(ErrorCode.BAD_REQUEST, e.code());
    }
}
