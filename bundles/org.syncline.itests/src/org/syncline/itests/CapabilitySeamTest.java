package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.admin.UserInfo;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionState;
import org.syncline.protocol.ServerStatus;
import org.syncline.testing.ServerProcess;

/**
 * Administration as a plug-in capability of the real server product: found and started, its CLI groups,
 * and the hardening of user changes (old password, sessions closed when rights are taken away).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapabilitySeamTest {
    private ServerProcess server;
    private String adminPw;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-seam"));
        adminPw = server.home.resolve("admin.pw").toString();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theServerFindsAndStartsTheAdministrationCapability() {
        try (Connection c = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            assertTrue(ServerStatus.of(c).capabilities().contains("admin"), ServerStatus.of(c).toString());
        }
        assertTrue(server.output().stream().anyMatch(l -> l.contains("Capabilities: admin")), String.join("\n", server.output()));
    }

    @Test
    void theCliListsTheCommandGroupsCapabilitiesContribute() throws Exception {
        var help = server.cli(Map.of(), "--help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("user") && help.stdout().contains("group") && help.stdout().contains("status"), help.stdout());
        var userHelp = server.cli(Map.of(), "user", "--help");
        assertEquals(0, userHelp.exitCode(), userHelp.stderr());
        assertTrue(userHelp.stdout().contains("passwd") && userHelp.stdout().contains("rm"), userHelp.stdout());
        var status = server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "status", "--json");
        assertEquals(0, status.exitCode(), status.stderr());
        assertTrue(JsonObject.parse(status.stdout()).list("capabilities").contains("admin"), status.stdout());
    }

    @Test
    void groupsThroughTheCli() throws Exception {
        Map<String, String> asAdmin = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
        String pw = server.writeFile("gina.pw", "gina-password-1\n").toString();
        assertEquals(0, server.cli(asAdmin, "user", "add", "gina", "--password-file", pw).exitCode());
        assertEquals(0, server.cli(asAdmin, "group", "add", "staff").exitCode());
        var join = server.cli(asAdmin, "group", "join", "staff", "gina");
        assertEquals(0, join.exitCode(), join.stderr());
        var users = server.cli(asAdmin, "--json", "user", "list");
        assertTrue(users.stdout().contains("\"staff\""), users.stdout());
        var missing = server.cli(asAdmin, "group", "join", "nosuch", "gina");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().startsWith("syncline: NOT_FOUND: "), missing.stderr());
    }

    @Test
    void aNewServerIsRefusedWithoutATerminalUnlessItsFingerprintIsGiven() throws Exception {
        var refused = server.cli(Map.of("SYNCLINE_TRUST_FINGERPRINT", ""), "--user", "admin", "--password-file", adminPw, "status");
        assertEquals(4, refused.exitCode());
        assertTrue(refused.stderr().contains("--trust-fingerprint " + server.fingerprint()), refused.stderr());
        var wrong = server.cli(Map.of("SYNCLINE_TRUST_FINGERPRINT", "00:11:22"), "--user", "admin", "--password-file", adminPw, "status");
        assertEquals(4, wrong.exitCode());
        assertTrue(wrong.stderr().contains("CERTIFICATE_CHANGED"), wrong.stderr());
        var given = server.cli(Map.of("SYNCLINE_TRUST_FINGERPRINT", ""), "--trust-fingerprint", server.fingerprint(),
                "--user", "admin", "--password-file", adminPw, "status");
        assertEquals(0, given.exitCode(), given.stderr());
    }

    @Test
    void changingYourOwnPasswordNeedsTheOldOneAndClosesYourOtherSessions() throws Exception {
        try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            new AdminClient(admin).addUser("olga", "olga-password-1".toCharArray(), false);
        }
        try (Connection first = server.connect("olga", "olga-password-1");
                Connection second = server.connect("olga", "olga-password-1")) {
            AdminClient olga = new AdminClient(first);
            SynclineException noOld = assertThrows(SynclineException.class,
                    () -> olga.setPassword("olga", "olga-password-2".toCharArray(), null));
            assertEquals(ErrorCode.AUTH_FAILED, noOld.code());
            SynclineException wrongOld = assertThrows(SynclineException.class,
                    () -> olga.setPassword("olga", "olga-password-2".toCharArray(), "guess-guess".toCharArray()));
            assertEquals(ErrorCode.AUTH_FAILED, wrongOld.code());
            assertEquals(ConnectionState.CONNECTED, second.state(), "refusals close nothing");

            olga.setPassword("olga", "olga-password-2".toCharArray(), "olga-password-1".toCharArray());
            awaitNotConnected(second);
            assertEquals(ConnectionState.CONNECTED, first.state(), "the session that changed it stays");
            ServerStatus.of(first);
        }
        assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class, () -> server.connect("olga", "olga-password-1")).code());
        server.connect("olga", "olga-password-2").close();
    }

    @Test
    void removingOrDemotingAUserClosesTheirSessionsAtOnce() throws Exception {
        try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            AdminClient a = new AdminClient(admin);
            a.addUser("rita", "rita-password-1".toCharArray(), false);
            a.addUser("dora", "dora-password-1".toCharArray(), true);
            try (Connection rita = server.connect("rita", "rita-password-1"); Connection dora = server.connect("dora", "dora-password-1")) {
                assertEquals(1, new AdminClient(dora).users().stream().filter(u -> u.name().equals("rita")).count());
                a.removeUser("rita");
                awaitNotConnected(rita);
                UserInfo demoted = a.setAdmin("dora", false);
                assertFalse(demoted.admin());
                awaitNotConnected(dora);
            }
            try (Connection dora = server.connect("dora", "dora-password-1")) {
                assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> new AdminClient(dora).users()).code());
            }
            assertEquals(ConnectionState.CONNECTED, admin.state());
        }
    }

    @Test
    void disablingAUserClosesTheirSessionsRefusesTheirLoginsByNameAndEnablingLetsThemBack() throws Exception {
        try (Connection admin = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            AdminClient a = new AdminClient(admin);
            a.addUser("ivan", "ivan-password-1".toCharArray(), false);
            try (Connection ivan = server.connect("ivan", "ivan-password-1")) {
                UserInfo disabled = a.setDisabled("ivan", true);
                assertTrue(disabled.disabled());
                awaitNotConnected(ivan);
                assertTrue(ivan.state() != ConnectionState.CONNECTED, "no reconnect past the refusal");
            }
            assertTrue(a.users().stream().filter(u -> u.name().equals("ivan")).findFirst().orElseThrow().disabled());
            SynclineException refused = assertThrows(SynclineException.class, () -> server.connect("ivan", "ivan-password-1"));
            assertEquals(ErrorCode.ACCOUNT_DISABLED, refused.code());
            assertTrue(refused.getMessage().contains("'ivan' is disabled"), refused.getMessage());
            assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class, () -> server.connect("ivan", "wrong-password-9")).code(),
                    "a wrong password does not learn that the account is disabled");

            SynclineException self = assertThrows(SynclineException.class, () -> a.setDisabled("admin", true));
            assertEquals(ErrorCode.INVALID_ARGUMENT, self.code());
            assertEquals(ConnectionState.CONNECTED, admin.state());

            assertFalse(a.setDisabled("ivan", false).disabled());
            server.connect("ivan", "ivan-password-1").close();
            a.addUser("nils", "nils-password-1".toCharArray(), false);
            try (Connection nils = server.connect("nils", "nils-password-1")) {
                assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class,
                        () -> new AdminClient(nils).setDisabled("ivan", true)).code(), "only admins disable users");
            }
            assertFalse(a.users().stream().filter(u -> u.name().equals("ivan")).findFirst().orElseThrow().disabled());
        }
    }

    private static void awaitNotConnected(Connection c) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (c.state() == ConnectionState.CONNECTED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(c.state() != ConnectionState.CONNECTED, "the server closed the session");
    }
}
