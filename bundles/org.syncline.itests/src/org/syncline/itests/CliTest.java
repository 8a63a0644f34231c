package org.syncline.itests;

import org.syncline.testing.ServerProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.json.JsonObject;

/** The CLI of the installation, as scripts use it, against a real server process. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
    ServerProcess server;
    String adminPw;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-cli"));
        adminPw = server.home.resolve("admin.pw").toString();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void statusAsJson() throws Exception {
        var r = server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "--json", "status");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonObject status = JsonObject.parse(r.stdout());
        assertTrue(status.string("version").startsWith("0.1.0"));
        assertTrue(status.number("sessions") >= 1);
        assertEquals(6, status.list("roles").size());
        assertTrue(Instant.parse(status.string("startedAt")).isBefore(Instant.now()), "startedAt is ISO-8601");
        assertTrue(r.stderr().contains("trusting") || r.stderr().isEmpty());
    }

    @Test
    void userLifecycleThroughEnvironmentCredentials() throws Exception {
        Map<String, String> asAdmin = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
        String carolPw = server.writeFile("carol.pw", "carol-password-1\n").toString();
        var add = server.cli(asAdmin, "user", "add", "carol", "--password-file", carolPw);
        assertEquals(0, add.exitCode(), add.stderr());
        var list = server.cli(asAdmin, "--json", "user", "list");
        assertTrue(list.stdout().contains("\"carol\""), list.stdout());

        var carolStatus = server.cli(Map.of(), "--user", "carol", "--password-file", carolPw, "status");
        assertEquals(0, carolStatus.exitCode(), carolStatus.stderr());

        String newPw = server.writeFile("carol2.pw", "carol-password-2\n").toString();
        assertEquals(0, server.cli(asAdmin, "user", "passwd", "carol", "--password-file", newPw).exitCode());
        assertEquals(3, server.cli(Map.of(), "--user", "carol", "--password-file", carolPw, "status").exitCode());
        assertEquals(0, server.cli(Map.of(), "--user", "carol", "--password-file", newPw, "status").exitCode());

        assertEquals(0, server.cli(asAdmin, "user", "rm", "carol").exitCode());
        var gone = server.cli(Map.of(), "--user", "carol", "--password-file", newPw, "status");
        assertEquals(3, gone.exitCode());
        assertOneLineError(gone.stderr(), "AUTH_FAILED");
    }

    @Test
    void userDisableAndEnableWithJsonAndTheRefusedLoginNamesTheUser() throws Exception {
        Map<String, String> asAdmin = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
        String erinPw = server.writeFile("erin.pw", "erin-password-1\n").toString();
        assertEquals(0, server.cli(asAdmin, "user", "add", "erin", "--password-file", erinPw).exitCode());
        var disable = server.cli(asAdmin, "--json", "user", "disable", "erin");
        assertEquals(0, disable.exitCode(), disable.stderr());
        JsonObject shown = JsonObject.parse(disable.stdout());
        assertEquals("erin", shown.string("name"));
        assertTrue(shown.optBool("disabled", false), disable.stdout());
        var list = server.cli(asAdmin, "user", "list");
        assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith("erin ") && l.matches("erin +no +yes .*")), list.stdout());

        var refused = server.cli(Map.of(), "--user", "erin", "--password-file", erinPw, "status");
        assertEquals(3, refused.exitCode());
        assertOneLineError(refused.stderr(), "ACCOUNT_DISABLED");
        assertTrue(refused.stderr().contains("'erin' is disabled"), refused.stderr());

        var self = server.cli(asAdmin, "user", "disable", "admin");
        assertEquals(2, self.exitCode(), self.stderr());
        assertOneLineError(self.stderr(), "INVALID_ARGUMENT");

        var enable = server.cli(asAdmin, "--json", "user", "enable", "erin");
        assertEquals(0, enable.exitCode(), enable.stderr());
        assertFalse(JsonObject.parse(enable.stdout()).optBool("disabled", true));
        assertEquals(0, server.cli(Map.of(), "--user", "erin", "--password-file", erinPw, "status").exitCode());
    }

    @Test
    void nonAdminIsRefusedWithOneLine() throws Exception {
        String davePw = server.writeFile("dave.pw", "dave-password-1\n").toString();
        assertEquals(0, server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "user", "add", "dave",
                "--password-file", davePw).exitCode());
        var r = server.cli(Map.of(), "--user", "dave", "--password-file", davePw, "user", "add", "mallory", "--password-file", davePw, "--admin");
        assertEquals(1, r.exitCode());
        assertOneLineError(r.stderr(), "ACCESS_DENIED");
        var json = server.cli(Map.of(), "--user", "dave", "--password-file", davePw, "--json", "user", "list");
        assertEquals("ACCESS_DENIED", JsonObject.parse(json.stdout()).object("error").string("code"));
    }

    @Test
    void usageErrorsAndUnreachableServersHaveTheirExitCodes() throws Exception {
        var unknown = server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "frobnicate");
        assertEquals(2, unknown.exitCode());
        assertOneLineError(unknown.stderr(), "INVALID_ARGUMENT");
        var missingFile = server.cli(Map.of(), "--user", "admin", "--password-file", "/nonexistent/pw", "status");
        assertEquals(2, missingFile.exitCode());
        assertTrue(missingFile.stderr().contains("does not exist"));
        ProcessBuilder pb = new ProcessBuilder(ServerProcess.install().resolve("syncline").toString(), "cli", "--server", "127.0.0.1:1",
                "--user", "admin", "--password-file", adminPw, "status");
        pb.environment().put("XDG_CONFIG_HOME", server.home.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", server.home.resolve("cache").toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(4, p.waitFor());
        assertOneLineError(out, "CONNECTION_FAILED");
    }

    @Test
    void theAnswerTimeoutIsADurationFromTheOptionOrTheEnvironment() throws Exception {
        var longer = server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "--timeout", "90s", "status");
        assertEquals(0, longer.exitCode(), longer.stderr());
        var fromEnv = server.cli(Map.of("SYNCLINE_TIMEOUT", "5m"), "--user", "admin", "--password-file", adminPw, "status");
        assertEquals(0, fromEnv.exitCode(), fromEnv.stderr());
        var bad = server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "--timeout", "soon", "status");
        assertEquals(2, bad.exitCode());
        assertOneLineError(bad.stderr(), "INVALID_ARGUMENT");
        assertTrue(bad.stderr().contains("--timeout") && bad.stderr().contains("'soon'"), bad.stderr());
        var badEnv = server.cli(Map.of("SYNCLINE_TIMEOUT", "0s"), "--user", "admin", "--password-file", adminPw, "status");
        assertEquals(2, badEnv.exitCode(), "no time at all to answer is refused: " + badEnv.stderr());
        assertTrue(badEnv.stderr().contains("SYNCLINE_TIMEOUT"), badEnv.stderr());
    }

    /**
     * A server that accepted the connection and then stalls (stopped here, as a machine at load 35 may starve it): the
     * CLI says it did not answer in time and how to wait longer (it said "is it a Syncline server?"), after at least
     * the handshake's 10 s; a longer --timeout outlasts the stall, handshake included.
     */
    @Test
    void aStalledServerIsWaitedForAsLongAsTheTimeoutSays() throws Exception {
        java.util.concurrent.CompletableFuture<ServerProcess.CliResult> patient;
        signal("STOP");
        try {
            var quick = server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "--timeout", "1s", "status");
            assertEquals(4, quick.exitCode(), quick.stderr());
            assertOneLineError(quick.stderr(), "TIMEOUT");
            assertTrue(quick.stderr().contains("accepted the connection but did not finish the TLS handshake within 10 s")
                    && quick.stderr().contains("--timeout 5m"), quick.stderr());
            patient = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return server.cli(Map.of(), "--user", "admin", "--password-file", adminPw, "--timeout", "2m", "status");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(13_000); // past the handshake's own 10 s
            assertFalse(patient.isDone(), "a 2 minute timeout waits out a 13 s stall");
        } finally {
            signal("CONT");
        }
        var late = patient.get(2, java.util.concurrent.TimeUnit.MINUTES);
        assertEquals(0, late.exitCode(), late.stderr());
        assertTrue(late.stdout().contains("capabilities:"), late.stdout());
    }

    private void signal(String which) throws Exception {
        // the launch script execs java: this is the JVM
        assertEquals(0, new ProcessBuilder("kill", "-" + which, String.valueOf(server.process().pid())).inheritIO().start().waitFor());
    }

    private static void assertOneLineError(String stderr, String code) {
        String[] lines = stderr.strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("syncline: " + code + ": "), stderr);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "no stack trace: " + stderr);
    }
}
