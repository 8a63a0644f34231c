package org.syncline.itests;

import org.syncline.testing.ServerProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.syncline.admin.client.AdminClient;
import org.syncline.protocol.ServerStatus;
import org.syncline.protocol.Connection;

/** Starting, stopping, crashing and restarting the real server product. */
class ServerLifecycleTest {

    @Test
    void sigtermStopsCleanlyAndKillNineKeepsUsers() throws Exception {
        Path home = Files.createTempDirectory("syncline-itest-life");
        try (ServerProcess server = new ServerProcess(home)) {
            assertTrue(server.output().stream().anyMatch(l -> l.contains("Created user 'admin'")));
            assertTrue(Files.exists(server.data.resolve("tls").resolve("server.key")));
            String fingerprint;
            try (Connection c = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                new AdminClient(c).addUser("erin", "erin-password-1".toCharArray(), false);
                fingerprint = c.server().fingerprint();
            }

            // The JVM reports 128 + SIGTERM after its shutdown hooks ran; the clean part is the log below.
            assertEquals(143, server.terminate(), "exit code after SIGTERM");
            assertTrue(server.output().stream().anyMatch(l -> l.contains("Syncline server stopped.")), server.output().toString() + Files.readString(server.data.resolve("logs").resolve("server.0.log")));
            assertTrue(Files.readString(server.data.resolve("logs").resolve("server.0.log")).contains("Syncline server stopped"));

            server.start();
            assertTrue(server.output().stream().noneMatch(l -> l.contains("Created user")), "admin is created once");
            try (Connection c = server.connect("erin", "erin-password-1")) {
                assertEquals(fingerprint, c.server().fingerprint(), "the TLS identity survives restarts");
            }

            server.kill9();
            server.start();
            try (Connection c = server.connect("erin", "erin-password-1")) {
                assertTrue(ServerStatus.of(c).uptimeSeconds() >= 0);
            }
            try (Connection c = server.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
                assertTrue(new AdminClient(c).users().stream().anyMatch(u -> u.name().equals("erin")));
            }
        }
    }

    @Test
    void generatedAdminPasswordIsPrintedOnceAndBadOptionsAreNamed() throws Exception {
        Path home = Files.createTempDirectory("syncline-itest-opts");
        ProcessBuilder pb = new ProcessBuilder(ServerProcess.install().resolve("syncline").toString(), "server",
                "--data", home.resolve("d").toString(), "--port", "99999").redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.waitFor());
        assertTrue(out.contains("--port must be a whole number from 0 to 65535"), out);
        assertTrue(!out.contains("Exception"), out);

        Path data = home.resolve("generated");
        ProcessBuilder gen = new ProcessBuilder(ServerProcess.install().resolve("syncline").toString(), "server",
                "--data", data.toString(), "--port", "0", "--bind", "127.0.0.1").redirectErrorStream(true);
        gen.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        Process g = gen.start();
        java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(g.getInputStream()));
        String password = null;
        String line;
        while ((line = r.readLine()) != null && !line.contains("listening on")) {
            if (line.startsWith("Created user 'admin' with password: ")) {
                password = line.substring(line.indexOf(": ") + 2).trim();
            }
        }
        assertTrue(password != null && password.length() >= 16, "generated password printed");
        int port = Integer.parseInt(line.replaceAll(".*127\\.0\\.0\\.1:(\\d+).*", "$1"));
        try (Connection c = Connection.open(new org.syncline.protocol.ConnectionSettings(new org.syncline.core.HostPort("127.0.0.1", port),
                "admin", password.toCharArray(), "itest", java.time.Duration.ofSeconds(30), false),
                new org.syncline.protocol.KnownServers(home.resolve("known")), org.syncline.protocol.FingerprintPrompt.ACCEPT_NEW)) {
            assertTrue(ServerStatus.of(c).sessions() >= 1);
        }
        g.toHandle().destroy();
        assertEquals(143, g.waitFor());
    }
}
