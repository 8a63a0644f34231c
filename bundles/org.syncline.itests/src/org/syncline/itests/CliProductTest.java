package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.core.json.JsonObject;
import org.syncline.testing.ServerProcess;

/** The CLI product: a client installation without the store, talking to a real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliProductTest {
    private ServerProcess server;
    private Path cli;

    @BeforeAll
    void start() throws Exception {
        cli = Path.of(System.getProperty("syncline.cli.install", "missing"));
        assertTrue(Files.isExecutable(cli.resolve("syncline")), "the CLI product is built at " + cli);
        server = new ServerProcess(Files.createTempDirectory("syncline-itest-cliproduct"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theClientInstallationCarriesNoStoreNoDerbyAndNoServerSide() throws Exception {
        List<String> bundles = Files.readAllLines(cli.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
        assertTrue(bundles.stream().anyMatch(l -> l.startsWith("org.syncline.cli,")), "the CLI is there");
        assertTrue(bundles.stream().anyMatch(l -> l.startsWith("org.syncline.admin,")), "admin's client is there");
        for (String line : bundles) {
            String name = line.split(",")[0];
            assertFalse(name.equals("org.syncline.store") || name.contains("derby") || name.equals("org.syncline.server")
                    || name.endsWith(".server") || name.equals("org.syncline.server.api"), "client installation carries " + name);
        }
        try (var jars = Files.list(cli.resolve("plugins"))) {
            assertTrue(jars.noneMatch(p -> p.getFileName().toString().contains("derby")), "no Derby jar in plugins/");
        }
    }

    @Test
    void itTalksToAServerAndRefusesToBeOne() throws Exception {
        String adminPw = server.home.resolve("admin.pw").toString();
        var status = run("cli", "--server", server.address().toString(), "--trust-fingerprint", server.fingerprint(),
                "--user", "admin", "--password-file", adminPw, "--json", "status");
        assertEquals(0, status.exit, status.err);
        assertTrue(JsonObject.parse(status.out).list("capabilities").contains("admin"), status.out);
        var help = run("cli", "--help");
        assertTrue(help.out.contains("user") && help.out.contains("docs"), "every capability's group: " + help.out);
        var serverMode = run("server", "--port", "0");
        assertEquals(1, serverMode.exit);
        assertTrue(serverMode.err.contains("only the command-line client"), serverMode.err);
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(cli.resolve("syncline").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_CONFIG_HOME", server.home.resolve("cli-config").toString());
        pb.environment().put("XDG_CACHE_HOME", server.home.resolve("cli-cache").toString());
        pb.environment().put("XDG_DATA_HOME", server.home.resolve("cli-share").toString());
        Path out = Files.createTempFile(server.home, "cliproduct", ".out");
        Path err = Files.createTempFile(server.home, "cliproduct", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
