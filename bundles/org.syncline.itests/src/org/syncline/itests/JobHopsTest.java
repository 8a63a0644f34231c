package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.core.ErrorCode;
import org.syncline.core.SynclineException;
import org.syncline.core.json.Json;
import org.syncline.distribution.DistributionMessages;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.RunTarget;
import org.syncline.distribution.client.JobsClient;
import org.syncline.protocol.Connection;
import org.syncline.protocol.ConnectionSettings;
import org.syncline.protocol.FingerprintPrompt;
import org.syncline.protocol.EnrollmentMessages;
import org.syncline.protocol.KnownServers;
import org.syncline.protocol.TicketCheck;
import org.syncline.testing.ServerProcess;

/**
 * Direct hops between real agents: a master and four agents (source src-1, targets t-1..t-3 in one group, so one
 * target forwards to another). The master's spool folder, through which it would relay, is replaced by a plain
 * file, so a run can only succeed if every hop's bytes go from agent to agent; each parent logs the child's login
 * with a hop ticket (the protocol's ticket login) and each child names the parent it pulled from. The source serves
 * its two children at the same time, and the run's pushes and totals add up. A second run uses the links the first
 * opened (the master's to the agents and the children's to their parents): no agent logs a new login. A login at an
 * agent with a forged hop ticket is refused. A child that cannot open a trusted link to its parent (after a restart
 * with wrong pins) gets its hop relayed by the master, and the run's log says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobHopsTest {
    private static final List<String> TARGETS = List.of("t-1", "t-2", "t-3");
    private static final String JOB = "hops";
    /** How a child's login with a hop ticket shows in its parent's log. */
    private static final String HOP_LOGIN = "'" + TicketCheck.LOGIN_PREFIX + DistributionMessages.CAPABILITY + ":";
    private AgentCluster cluster;
    private JobsClient jobs;

    @BeforeAll
    void start() throws Exception {
        cluster = new AgentCluster("syncline-itest-hops", List.of("src-1", "t-1", "t-2", "t-3"));
        jobs = new JobsClient(cluster.admin());
        Path site = cluster.content("src-1").resolve("site");
        Files.createDirectories(site.resolve("img"));
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            byte[] b = new byte[16 * 1024 + i];
            random.nextBytes(b);
            Files.write(site.resolve("img/p-" + i + ".bin"), b);
        }
        Files.writeString(site.resolve("index.html"), "<h1>hops</h1>\n");
        jobs.create(new Job(0, JOB, true, "src-1", List.of("site"), List.of(new JobTarget(JobTarget.GROUP, "eu/web", "mirror")), List.of(),
                List.of(), List.of("create", "update"), Map.of(), Job.MANUAL, "", 0, "", 0, Job.RECOVER_MANUAL, "", "", null, "", null));
        // the master cannot relay: the folder it spools relayed deltas in is a plain file now
        Path spool = cluster.master.data.resolve("distribution").resolve("run-spool");
        assertTrue(Files.isDirectory(spool), spool + " is the master's relay spool");
        Files.delete(spool);
        Files.writeString(spool, "not a folder: a relayed hop fails here\n");
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyHopsBytesGoFromAgentToAgentNotThroughTheMaster() throws Exception {
        cluster.awaitOnline(4);
        AgentCluster.await(() -> jobs.plan(JOB).leftOut().isEmpty(), "every target in the plan");
        List<JobRun> pushed = new CopyOnWriteArrayList<>();
        JobRun run;
        try (AutoCloseable watching = jobs.watchRuns(pushed::add)) {
            run = AgentCluster.runAndWait(jobs, JOB, "");
            long id = run.id();
            AgentCluster.await(() -> pushed.stream().anyMatch(r -> r.id() == id && r.finished()), "the push of the run's end");
        }
        assertEquals(JobRun.OK, run.state(), run.toString());
        // siblings are served at the same time: the source sent to its two children at once
        assertTrue(pushed.stream().anyMatch(r -> r.targets().stream().filter(t -> t.state().equals(RunTarget.RECEIVING)).count() >= 2),
                "two targets receiving at once in " + pushed);
        JobRun last = pushed.get(pushed.size() - 1);
        assertEquals(run.filesCreated(), last.filesCreated());
        assertEquals(run.wireBytes(), last.wireBytes());
        assertEquals(run.wireBytes(), run.targets().stream().mapToLong(RunTarget::wireBytes).sum(), "the run's wire bytes are its targets' sum");
        assertEquals(3 * 21, run.filesCreated(), run.toString());
        for (RunTarget t : run.targets()) {
            assertEquals(RunTarget.OK, t.state(), t.toString());
            assertEquals("", t.error(), "a direct hop carries no relay note: " + t);
            assertTrue(t.wireBytes() > 20 * 16 * 1024, t.toString());
        }
        Path source = cluster.content("src-1").resolve("site");
        for (String t : TARGETS) {
            for (String f : List.of("index.html", "img/p-0.bin", "img/p-19.bin")) {
                assertEquals(AgentCluster.sha(source.resolve(f)), AgentCluster.sha(cluster.content(t).resolve("mirror").resolve(f)), t + ": " + f);
            }
            cluster.assertNoTempFiles(t);
        }
        // the second-level hop: its child pulled from the forwarding target, which served it (not the master)
        RunTarget second = run.targets().stream().filter(t -> !t.from().equals("src-1")).findFirst().orElseThrow(() -> new AssertionError(run));
        ServerProcess child = cluster.agents.get(second.server());
        ServerProcess parent = cluster.agents.get(second.from());
        String pulling = "Run " + run.id() + ": pulling from '" + second.from() + "'";
        assertTrue(logged(child, pulling) > 0, second.server() + " logs: " + pulling);
        assertTrue(logged(parent, HOP_LOGIN, "logged in from") > 0, second.from() + " served a hop login");
        assertTrue(logged(cluster.agents.get("src-1"), HOP_LOGIN, "logged in from") > 0, "the source served its children directly");
    }

    @Test
    @Order(2)
    void aSecondRunUsesTheLinksTheFirstOpened() throws Exception {
        Map<String, Long> hopLogins = new java.util.HashMap<>();
        Map<String, Long> masterLogins = new java.util.HashMap<>();
        for (Map.Entry<String, ServerProcess> a : cluster.agents.entrySet()) {
            hopLogins.put(a.getKey(), logged(a.getValue(), HOP_LOGIN, "logged in from"));
            masterLogins.put(a.getKey(), logged(a.getValue(), "'" + EnrollmentMessages.JOINED_LOGIN + "' logged in from"));
        }
        Files.writeString(cluster.content("src-1").resolve("site/second.txt"), "the second run\n");
        cluster.awaitOnline(4);
        AgentCluster.await(() -> jobs.plan(JOB).leftOut().isEmpty(), "every target in the plan");
        JobRun run = AgentCluster.runAndWait(jobs, JOB, "");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(3, run.filesCreated(), run.toString());
        for (RunTarget t : run.targets()) {
            assertEquals("", t.error(), "a direct hop: " + t);
            assertEquals("the second run\n", Files.readString(cluster.content(t.server()).resolve("mirror/second.txt")), t.server());
        }
        for (Map.Entry<String, ServerProcess> a : cluster.agents.entrySet()) {
            assertEquals(hopLogins.get(a.getKey()), logged(a.getValue(), HOP_LOGIN, "logged in from"), a.getKey() + ": no new hop login");
            assertEquals(masterLogins.get(a.getKey()), logged(a.getValue(), "'" + EnrollmentMessages.JOINED_LOGIN + "' logged in from"),
                    a.getKey() + ": no new login of the master");
        }
        ServerProcess child = cluster.agents.get(run.targets().get(0).server());
        assertTrue(logged(child, "Run " + run.id() + ": pulling from '") > 0, "the child pulled run " + run.id() + " directly");
    }

    @Test
    @Order(3)
    void aForgedHopTicketCannotLogInAtAnAgent() throws Exception {
        byte[] id = new byte[16];
        byte[] guess = new byte[32];
        new Random(99).nextBytes(id);
        new Random(98).nextBytes(guess);
        ServerProcess agent = cluster.agents.get("src-1");
        SynclineException e = assertThrows(SynclineException.class, () -> hop(agent, HexFormat.of().formatHex(id), HexFormat.of().formatHex(guess))
                .close());
        assertEquals(ErrorCode.AUTH_FAILED, e.code(), e.getMessage());
        // after the runs ended their tickets are revoked on every agent: no ticket of any kind is accepted now
        SynclineException empty = assertThrows(SynclineException.class, () -> hop(agent, "", "").close());
        assertEquals(ErrorCode.AUTH_FAILED, empty.code(), empty.getMessage());
    }

    @Test
    @Order(4)
    void aUsersLoginAtAnAgentCannotPullAHop() throws Exception {
        // the agent's own admin is a user there, not a hop child: the hop message needs a login with a hop ticket
        ServerProcess agent = cluster.agents.get("t-1");
        try (Connection admin = agent.connect("admin", ServerProcess.ADMIN_PASSWORD)) {
            SynclineException e = assertThrows(SynclineException.class, () -> admin.download(DistributionMessages.HOP_DELTA, Json.object("ticket",
                    "ab".repeat(16), "secret", "x", "path", "mirror/index.html", "signature", "", "level", 0, "sha256", "x"), java.io.OutputStream.nullOutputStream()));
            assertEquals(ErrorCode.ACCESS_DENIED, e.code(), e.getMessage());
        }
    }

    @Test
    @Order(5)
    void aChildThatCannotReachItsParentGetsTheHopRelayedByTheMaster() throws Exception {
        // the master can relay again; every target now pins a wrong certificate for every other agent and restarts
        // (so the links it kept open are gone): no target can open a trusted link to its parent (as if it had no
        // reachable address for it)
        Path spool = cluster.master.data.resolve("distribution").resolve("run-spool");
        Files.delete(spool);
        Files.createDirectories(spool);
        for (String t : TARGETS) {
            Path pins = cluster.agents.get(t).data.resolve("distribution").resolve("hop-pins");
            for (ServerProcess other : cluster.agents.values()) {
                Files.writeString(pins.resolve(other.fingerprint().toLowerCase(java.util.Locale.ROOT).replace(":", "")),
                        other.address() + " " + "00".repeat(32) + "\n");
            }
            cluster.agents.get(t).terminate();
            cluster.agents.get(t).start();
        }
        Files.writeString(cluster.content("src-1").resolve("site/relayed.txt"), "through the master\n");
        cluster.awaitOnline(4);
        AgentCluster.await(() -> jobs.plan(JOB).leftOut().isEmpty(), "every target in the plan");
        JobRun run = AgentCluster.runAndWait(jobs, JOB, "");
        assertEquals(JobRun.OK, run.state(), run.toString());
        assertEquals(3, run.filesCreated(), run.toString());
        for (RunTarget t : run.targets()) {
            assertEquals(RunTarget.OK, t.state(), t.toString());
            assertTrue(t.error().startsWith("Relayed by the master: '" + t.server() + "' has no direct link to '" + t.from() + "'"), t.toString());
        }
        for (String t : TARGETS) {
            assertEquals("through the master\n", Files.readString(cluster.content(t).resolve("mirror/relayed.txt")), t);
            cluster.assertNoTempFiles(t);
        }
        var log = cluster.master.cli(AgentCluster.AS_ADMIN, "job", "log", JOB, "--limit", "1");
        assertTrue(log.stdout().contains("Relayed by the master"), log.stdout());
    }

    /** How many lines of the server's log files contain every one of {@code texts}. */
    private static long logged(ServerProcess server, String... texts) throws IOException {
        long n = 0;
        try (Stream<Path> logs = Files.list(server.data.resolve("logs"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    n += lines.filter(l -> Stream.of(texts).allMatch(l::contains)).count();
                }
            }
        }
        return n;
    }

    private static Connection hop(ServerProcess agent, String ticket, String secret) throws IOException {
        String fingerprint = agent.fingerprint();
        return Connection.open(new ConnectionSettings(agent.address(), TicketCheck.loginName(DistributionMessages.CAPABILITY, ticket),
                secret.toCharArray(), "itest-hop", Duration.ofSeconds(10), false), new KnownServers(agent.home.resolve("hop-known_servers")),
                (FingerprintPrompt) (hp, presented) -> presented.equalsIgnoreCase(fingerprint));
    }
}
