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
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.distribution.DistributionMessages;
import org.syncline.protocol.Principal;
import org.syncline.protocol.TicketCheck;
import org.syncline.protocol.TransferTickets;

/**
 * A parent's hop credentials, lasting protocol tickets: bound to run, child and paths, checked per message; gone at
 * the run's end or after an idle timeout.
 */
class HopGrantsTest {
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

    /** The session of a child logged in at this parent with ticket {@code t}. */
    private static Principal child(TransferTickets.Issued t) {
        return new Principal(TicketCheck.loginName(DistributionMessages.CAPABILITY, t.id()), Set.of(Principal.TICKET));
    }

    @Test
    void aGrantedTicketReadsInsideItsPathsOnly() {
        TransferTickets.Issued t = grants.grant(7, "t-2", List.of("out/site", "logs/a.txt"));
        assertTrue(grants.logins().admit(t.id(), t.secret().toCharArray()));
        assertEquals(7, grants.check(child(t), t.id(), t.secret(), "out/site/index.html").run());
        assertEquals("t-2", grants.check(child(t), t.id(), t.secret(), "logs/a.txt").child());
        SynclineException outside = assertThrows(SynclineException.class, () -> grants.check(child(t), t.id(), t.secret(), "out/sitemap.xml"));
        assertEquals(ErrorCode.ACCESS_DENIED, outside.code());
        assertTrue(outside.getMessage().contains("does not cover 'out/sitemap.xml'"), outside.getMessage());
        assertThrows(SynclineException.class, () -> grants.check(child(t), t.id(), t.secret(), "out/site/../../secret"));
    }

    @Test
    void aForgedOrForeignTicketIsRefusedWithASentence() {
        TransferTickets.Issued t = grants.grant(7, "t-2", List.of("out"));
        TransferTickets.Issued other = grants.grant(7, "t-3", List.of("out"));
        assertFalse(grants.logins().admit(t.id(), other.secret().toCharArray()));
        assertFalse(grants.logins().admit("0".repeat(32), t.secret().toCharArray()));
        SynclineException e = assertThrows(SynclineException.class, () -> grants.check(child(t), t.id(), other.secret(), "out/a"));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().startsWith("The hop ticket is not valid here"), e.getMessage());
        assertThrows(SynclineException.class, () -> grants.check(child(t), null, null, "out/a"));
        // a user's session (not logged in with a ticket) cannot use a ticket it learnt
        Principal user = new Principal("admin", Set.of(Principal.ADMIN));
        assertThrows(SynclineException.class, () -> grants.check(user, t.id(), t.secret(), "out/a"));
    }

    @Test
    void theRunsEndRevokesItsTicketsOnlyAndALinkKeptOpenServesTheNextRun() {
        TransferTickets.Issued first = grants.grant(7, "t-2", List.of("out"));
        TransferTickets.Issued next = grants.grant(8, "t-2", List.of("out"));
        grants.end(7);
        assertFalse(grants.logins().admit(first.id(), first.secret().toCharArray()));
        assertThrows(SynclineException.class, () -> grants.check(child(first), first.id(), first.secret(), "out/a"));
        // the child's link logged in with run 7's ticket stays open; run 8's messages carry run 8's ticket
        assertEquals(8, grants.check(child(first), next.id(), next.secret(), "out/a").run());
    }

    @Test
    void anUnusedTicketExpiresAndUseKeepsItAlive() {
        TransferTickets.Issued t = grants.grant(7, "t-2", List.of("out"));
        now = now.plus(HopGrants.IDLE.minus(Duration.ofSeconds(1)));
        grants.check(child(t), t.id(), t.secret(), "out/a"); // used: the idle time starts again
        now = now.plus(HopGrants.IDLE.minus(Duration.ofSeconds(1)));
        assertTrue(grants.logins().admit(t.id(), t.secret().toCharArray()));
        now = now.plus(HopGrants.IDLE).plusSeconds(1);
        assertFalse(grants.logins().admit(t.id(), t.secret().toCharArray()));
        assertThrows(SynclineException.class, () -> grants.check(child(t), t.id(), t.secret(), "out/a"));
    }
}
