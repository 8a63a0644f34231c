package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.core.json.JsonObject;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.ServerStatus;
import org.syncline.testing.ServerProcess;

/**
 * Enrollment tokens between real server processes: a registry-only server issues tokens, storage-only
 * servers join with them once; used, expired, revoked, wrong and foreign tokens are refused saying which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrollmentTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private ServerProcess registry;
    private Path homes;

    @BeforeAll
    void start() throws Exception {
        homes = Files.createTempDirectory("syncline-itest-enrol");
        registry = new ServerProcess(homes.resolve("registry"), "--roles", "registry");
    }

    @AfterAll
    void stop() throws Exception {
        registry.close();
    }

    private String token(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--json", "node", "token"));
        args.addAll(List.of(extra));
        var r = registry.cli(AS_ADMIN, args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        return JsonObject.parse(r.stdout()).string("token");
    }

    private ServerProcess join(String name, String token) throws Exception {
        return new ServerProcess(homes.resolve(name), "--roles", "storage", "--join", registry.address().toString(), "--token", token);
    }

    private static String refusal(Executable start) {
        IllegalStateException e = assertThrows(IllegalStateException.class, start::run);
        return e.getMessage();
    }

    interface Executable {
        void run() throws Exception;
    }

    private JsonObject tokenInfo(String id) throws Exception {
        var r = registry.cli(AS_ADMIN, "--json", "node", "tokens");
        assertEquals(0, r.exitCode(), r.stderr());
        assertFalse(r.stdout().contains("SYN1."), "the list never shows a secret: " + r.stdout());
        for (Object o : JsonObject.parse(r.stdout()).list("tokens")) {
            JsonObject t = new JsonObject(Json.parseObject(Json.write(o)));
            if (t.string("id").equals(id)) {
                return t;
            }
        }
        throw new AssertionError("token " + id + " not listed: " + r.stdout());
    }

    private static String idOf(String token) {
        String secret = token.substring(token.lastIndexOf('.') + 1);
        return org.syncline.core.Sha256.hex(secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).substring(0, 12);
    }

    @Test
    void aTokenJoinsOnceAndTheCredentialOutlivesRestarts() throws Exception {
        String token = token("--expires", "30m");
        assertTrue(token.matches("SYN1\\.[0-9A-F]{32}\\.[A-Za-z0-9_-]{43}"), token);
        assertTrue(registry.fingerprint().replace(":", "").startsWith(token.substring(5, 37)), "the token names the registry's certificate");
        try (ServerProcess node = join("node-a", token)) {
            Path credential = node.data.resolve("enrollment").resolve("membership.json");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credential)));
            JsonObject stored = JsonObject.parse(Files.readString(credential));
            assertEquals(registry.fingerprint(), stored.string("fingerprint"));
            JsonObject info = tokenInfo(idOf(token));
            assertEquals("used", info.string("state"));
            assertTrue(info.string("usedBy").contains(stored.string("id")), info.toString());

            // the same token again, from another data directory: single use
            String again = refusal(() -> join("node-b", token).close());
            assertTrue(again.contains("already used"), again);

            // the member logs in with its credential; it is a server of the deployment, not a user
            try (Connection member = Connection.open(new ConnectionSettings(registry.address(),
                    EnrollmentMessages.MEMBER_LOGIN_PREFIX + stored.string("id"), stored.string("secret").toCharArray(), "itest",
                    Duration.ofSeconds(30), false), new KnownServers(homes.resolve("member-known")), FingerprintPrompt.ACCEPT_NEW)) {
                assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(SynclineException.class, () -> ServerStatus.of(member)).code());
            }
            assertEquals(ErrorCode.AUTH_FAILED, assertThrows(SynclineException.class, () -> Connection.open(new ConnectionSettings(
                    registry.address(), EnrollmentMessages.MEMBER_LOGIN_PREFIX + stored.string("id"), "A".repeat(43).toCharArray(), "itest",
                    Duration.ofSeconds(30), false), new KnownServers(homes.resolve("member-known")), FingerprintPrompt.ACCEPT_NEW)).code());

            // a later start needs no token: with the used token still on its command line, and without --join at all
            node.terminate();
            node.start();
            assertTrue(node.process().isAlive(), String.join("\n", node.output()));
            node.terminate();
        }
        try (ServerProcess again = new ServerProcess(homes.resolve("node-a"), "--roles", "storage")) {
            assertTrue(again.process().isAlive(), String.join("\n", again.output()));
        }
    }

    @Test
    void expiredRevokedWrongAndForeignTokensAreRefusedSayingWhich() throws Exception {
        String expiring = token("--expires", "1s");
        Thread.sleep(1500);
        String expired = refusal(() -> join("node-expired", expiring).close());
        assertTrue(expired.contains("expired at"), expired);

        String revoked = token();
        var revoke = registry.cli(AS_ADMIN, "node", "revoke", idOf(revoked));
        assertEquals(0, revoke.exitCode(), revoke.stderr());
        assertEquals("revoked", tokenInfo(idOf(revoked)).string("state"));
        String refusedRevoked = refusal(() -> join("node-revoked", revoked).close());
        assertTrue(refusedRevoked.contains("was revoked"), refusedRevoked);

        String valid = token();
        String wrongSecret = valid.substring(0, valid.lastIndexOf('.') + 1) + "A".repeat(43);
        String wrong = refusal(() -> join("node-wrong", wrongSecret).close());
        assertTrue(wrong.contains("does not know this enrollment token"), wrong);

        String foreignPrefix = "SYN1." + "0".repeat(32) + valid.substring(valid.lastIndexOf('.'));
        String foreign = refusal(() -> join("node-foreign", foreignPrefix).close());
        assertTrue(foreign.contains("did not issue this token"), foreign);
        assertEquals("valid", tokenInfo(idOf(valid)).string("state"), "a refused join leaves the token unused");

        var garbage = refusal(() -> join("node-garbage", "not-a-token").close());
        assertTrue(garbage.contains("not an enrollment token"), garbage);
    }

    @Test
    void onlyAdminsManageTokensAndPeersAreNotUsers() throws Exception {
        String pw = registry.writeFile("uma.pw", "uma-password-1\n").toString();
        assertEquals(0, registry.cli(AS_ADMIN, "user", "add", "uma", "--password-file", pw).exitCode());
        Map<String, String> asUma = Map.of("SYNCLINE_USER", "uma", "SYNCLINE_PASSWORD", "uma-password-1");
        for (String[] cmd : List.of(new String[] {"node", "token"}, new String[] {"node", "tokens"}, new String[] {"node", "revoke", "abc"})) {
            var r = registry.cli(asUma, cmd);
            assertEquals(1, r.exitCode(), r.stdout());
            assertTrue(r.stderr().startsWith("syncline: ACCESS_DENIED: "), r.stderr());
        }
        var badDuration = registry.cli(AS_ADMIN, "node", "token", "--expires", "40d");
        assertEquals(2, badDuration.exitCode());
        assertTrue(badDuration.stderr().contains("--expires"), badDuration.stderr());

        // logged in with a token, a server may enrol and nothing else
        String token = token();
        try (Connection c = Connection.open(new ConnectionSettings(registry.address(), EnrollmentMessages.ENROLL_LOGIN, token.toCharArray(),
                "itest", Duration.ofSeconds(30), false), new KnownServers(homes.resolve("peer-known")), FingerprintPrompt.ACCEPT_NEW)) {
            SynclineException e = assertThrows(SynclineException.class, () -> ServerStatus.of(c));
            assertEquals(ErrorCode.ACCESS_DENIED, e.code());
            SynclineException list = assertThrows(SynclineException.class, () -> c.request(EnrollmentMessages.TOKEN_LIST, Json.object()));
            assertEquals(ErrorCode.ACCESS_DENIED, list.code());
        }
        // users cannot log in under the names reserved for servers
        SynclineException reserved = assertThrows(SynclineException.class, () -> registry.connect(EnrollmentMessages.JOINED_LOGIN, "whatever-1"));
        assertEquals(ErrorCode.AUTH_FAILED, reserved.code());
    }
}
