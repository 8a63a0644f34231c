package org.syncline.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncline.core.ErrorCode;
import org.syncline.core.Sha256;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.testing.ManualClock;

/**
 * Transfer tickets: one login with the right secret within the login window, one transfer of the ticket's scope,
 * one claim of its result; a ticket session may send only ticket messages, and a stream larger than the window
 * arrives intact on it.
 */
class TransferTicketsTest {
    @TempDir
    Path tmp;


    private static Principal sessionOf(String capability, String id) {
        return new Principal(TicketCheck.loginName(capability, id), Set.of(Principal.TICKET));
    }

    @Test
    void aTicketAdmitsOneLoginWithItsOwnSecretOnly() {
        TransferTickets<String> tickets = new TransferTickets<>("docs", new ManualClock());
        TransferTickets.Issued t = tickets.issue("put");
        TransferTickets.Issued other = tickets.issue("put");
        assertFalse(tickets.admit(t.id(), other.secret().toCharArray()), "another ticket's secret");
        assertFalse(tickets.admit(t.id(), (t.secret() + "x").toCharArray()), "a forged secret");
        assertFalse(tickets.admit("0".repeat(32), t.secret().toCharArray()), "an unknown id");
        assertTrue(tickets.admit(t.id(), t.secret().toCharArray()));
        assertFalse(tickets.admit(t.id(), t.secret().toCharArray()), "a second login with the same ticket");
    }

    @Test
    void aLastingTicketAdmitsManyLoginsAndPassesEachMessageUntilRevoked() {
        TransferTickets<Void> tickets = new TransferTickets<>("dist", new ManualClock());
        TransferTickets.Issued t = tickets.issueLasting("hop:7:t-1", java.time.Duration.ofMinutes(10));
        assertTrue(tickets.admit(t.id(), t.secret().toCharArray()));
        assertTrue(tickets.admit(t.id(), t.secret().toCharArray()), "a reconnect logs in again with the same ticket");
        assertFalse(tickets.admit(t.id(), (t.secret() + "x").toCharArray()), "a forged secret");
        Principal session = sessionOf("dist", t.id());
        for (int i = 0; i < 3; i++) {
            assertEquals(java.util.Optional.of("hop:7:t-1"), tickets.check(session, t.id(), t.secret().toCharArray(), "hop:"), "message " + i);
        }
        assertEquals(java.util.Optional.empty(), tickets.check(session, t.id(), t.secret().toCharArray(), "put"), "another scope");
        assertEquals(java.util.Optional.empty(), tickets.check(session, t.id(), "forged".toCharArray(), "hop:"), "a forged secret");
        assertEquals(java.util.Optional.empty(), tickets.check(new Principal("admin", Set.of(Principal.ADMIN)), t.id(), t.secret().toCharArray(),
                "hop:"), "a user's session");
        assertEquals(java.util.Optional.empty(), tickets.check(sessionOf("docs", t.id()), t.id(), t.secret().toCharArray(), "hop:"),
                "a session of another capability's ticket");
        assertThrows(SynclineException.class, () -> tickets.use(session, "hop:"), "a lasting ticket is not a single transfer");
        tickets.revoke(t.id());
        assertEquals(java.util.Optional.empty(), tickets.check(session, t.id(), t.secret().toCharArray(), "hop:"), "a revoked ticket");
        assertFalse(tickets.admit(t.id(), t.secret().toCharArray()), "a login with a revoked ticket");
    }

    @Test
    void aSessionKeptOpenServesTheNextTicketAndALastingTicketUnusedForItsIdleTimeEnds() {
        ManualClock clock = new ManualClock();
        TransferTickets<Void> tickets = new TransferTickets<>("dist", clock);
        TransferTickets.Issued first = tickets.issueLasting("hop:1:t-1", java.time.Duration.ofMinutes(10));
        TransferTickets.Issued second = tickets.issueLasting("hop:2:t-1", java.time.Duration.ofMinutes(10));
        Principal loggedInWithFirst = sessionOf("dist", first.id());
        tickets.revoke(first.id());
        assertEquals(java.util.Optional.of("hop:2:t-1"), tickets.check(loggedInWithFirst, second.id(), second.secret().toCharArray(), "hop:"));
        clock.advance(java.time.Duration.ofMinutes(9));
        assertTrue(tickets.check(loggedInWithFirst, second.id(), second.secret().toCharArray(), "hop:").isPresent(), "use keeps it alive");
        clock.advance(java.time.Duration.ofMinutes(10).plusSeconds(1));
        assertEquals(java.util.Optional.empty(), tickets.check(loggedInWithFirst, second.id(), second.secret().toCharArray(), "hop:"), "idle");
        assertFalse(tickets.admit(second.id(), second.secret().toCharArray()), "a login with an idle-expired ticket");
        tickets.issue("put"); // issuing sweeps what expired
        assertEquals(1, tickets.size());
        assertThrows(IllegalArgumentException.class, () -> tickets.issueLasting("hop:3:t-1", java.time.Duration.ZERO));
    }

    @Test
    void aTicketNotUsedWithinTheLoginWindowIsRefusedAndForgotten() {
        ManualClock clock = new ManualClock();
        TransferTickets<String> tickets = new TransferTickets<>("docs", clock);
        TransferTickets.Issued t = tickets.issue("put");
        clock.advance(TransferTickets.LOGIN_WITHIN.plusSeconds(1));
        assertFalse(tickets.admit(t.id(), t.secret().toCharArray()), "an expired ticket");
        tickets.issue("put"); // issuing sweeps what expired
        assertEquals(1, tickets.size());
    }

    @Test
    void aTicketServesOneTransferOfItsScopeAndItsResultIsClaimedOnce() {
        TransferTickets<String> tickets = new TransferTickets<>("docs", new ManualClock());
        TransferTickets.Issued get = tickets.issue("get:abc");
        TransferTickets.Issued put = tickets.issue("put");
        Principal getter = sessionOf("docs", get.id());
        assertThrows(SynclineException.class, () -> tickets.use(getter, "get:"), "not logged in with it yet");
        assertTrue(tickets.admit(get.id(), get.secret().toCharArray()));
        SynclineException wrongScope = assertThrows(SynclineException.class, () -> tickets.use(getter, "put"));
        assertEquals(ErrorCode.ACCESS_DENIED, wrongScope.code());
        assertThrows(SynclineException.class, () -> tickets.use(sessionOf("sync", get.id()), "get:"), "another capability's session");
        assertThrows(SynclineException.class, () -> tickets.use(new Principal("alice", Set.of("user")), "get:"), "a user");
        assertEquals("get:abc", tickets.use(getter, "get:"));
        assertThrows(SynclineException.class, () -> tickets.use(getter, "get:"), "a second transfer");

        Principal putter = sessionOf("docs", put.id());
        assertTrue(tickets.admit(put.id(), put.secret().toCharArray()));
        tickets.use(putter, "put");
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> tickets.claim(put.id())).code(), "not finished");
        tickets.finish(putter, "stored");
        assertEquals("stored", tickets.claim(put.id()));
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(SynclineException.class, () -> tickets.claim(put.id())).code(), "claimed twice");
    }

    @Test
    void aTicketSessionMaySendOnlyTicketMessagesAndItsStreamArrivesIntact() throws Exception {
        TransferTickets<String> tickets = new TransferTickets<>("docs", Clock.systemUTC());
        AtomicReference<CapabilityEndpoint> docs = new AtomicReference<>();
        try (TestServer server = new TestServer(tmp, EndpointSettings.of(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), "9.9.9", "test"),
                e -> docs.set(e.forCapability("docs")))) {
            docs.get().acceptTickets(tickets);
            docs.get().handle("docs.list", Access.USER, (ctx, body) -> Map.of("ok", true));
            docs.get().topic("docs.events", Access.USER);
            docs.get().handleUpload("docs.send", Access.TICKET, (ctx, body, data) -> {
                tickets.use(ctx.principal(), "put");
                String sha = Sha256.hex(data);
                tickets.finish(ctx.principal(), sha);
                return Json.object("sha256", sha);
            });
            // larger than the stream window (16 chunks of 64 KiB), so the sender must wait for credit on the way
            byte[] content = new byte[3 * 1024 * 1024 + 123];
            new Random(7).nextBytes(content);
            String expected = Sha256.hex(content);

            TransferTickets.Issued t = tickets.issue("put");
            try (Connection c = server.connect(TicketCheck.loginName("docs", t.id()), t.secret())) {
                SynclineException user = assertThrows(SynclineException.class, () -> c.request("docs.list", Json.object()));
                assertEquals(ErrorCode.ACCESS_DENIED, user.code(), "a ticket session is not a user");
                assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> c.subscribe("docs.events")).code());
                assertEquals(expected, c.upload("docs.send", Json.object(), new ByteArrayInputStream(content)).string("sha256"));
                assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                        () -> c.upload("docs.send", Json.object(), new ByteArrayInputStream(content))).code(), "one transfer per ticket");
            }
            assertEquals(expected, tickets.claim(t.id()));
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(content), java.util.HexFormat.of().parseHex(expected));

            assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class,
                    () -> server.connect(TicketCheck.loginName("docs", t.id()), t.secret())).code(), "a used ticket");
            TransferTickets.Issued fresh = tickets.issue("put");
            assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class,
                    () -> server.connect(TicketCheck.loginName("docs", fresh.id()), "forged-secret")).code(), "a forged secret");
            assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class,
                    () -> server.connect(TicketCheck.loginName("sync", fresh.id()), fresh.secret())).code(), "a capability without tickets");
            try (Connection alice = server.connect("alice")) {
                assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                        () -> alice.upload("docs.send", Json.object(), new ByteArrayInputStream(content))).code(), "a user cannot send ticket messages");
            }
        }
    }

    @Test
    void accessRulesKeepTicketSessionsApartFromUsersMembersAndAdmins() {
        Principal ticket = new Principal(TicketCheck.loginName("docs", "x"), Set.of(Principal.TICKET));
        assertTrue(Access.TICKET.allows(ticket));
        assertFalse(Access.USER.allows(ticket));
        assertFalse(Access.ADMIN.allows(new Principal("#ticket:docs:y", Set.of(Principal.TICKET, Principal.ADMIN))));
        assertFalse(Access.MEMBER.allows(ticket));
        assertFalse(Access.TICKET.allows(new Principal("alice", Set.of("user"))));
        assertEquals("x", TicketCheck.ticketId(ticket, "docs").orElseThrow());
        assertTrue(TicketCheck.ticketId(ticket, "sync").isEmpty());
        assertTrue(TicketCheck.ticketId(new Principal("#ticket:docs:z", Set.of("user")), "docs").isEmpty());
    }
}
