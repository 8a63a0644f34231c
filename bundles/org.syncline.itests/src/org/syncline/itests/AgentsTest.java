package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.syncline.admin.client.AdminClient;
import org.syncline.core.json.JsonObject;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.Alert;
import org.syncline.distribution.AlertEvent;
import org.syncline.distribution.AlertRule;
import org.syncline.distribution.TopologyVersion;
import org.syncline.distribution.client.AlertsClient;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.client.MonitorClient;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Server;
import org.syncline.protocol.Connection;
import org.syncline.testing.Await;
import org.syncline.testing.ServerProcess;

/**
 * A master and three agents, all real server processes on loopback with their own data directories: agents
 * enrol with single-use tokens, appear in the topology's Unassigned pool once, report samples; alert rules
 * raise once and clear, and a killed agent's silent alert reaches a subscribed client, an SMTP sink and an
 * HTTP listener, and clears (everywhere) when the agent is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsTest {
    private static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private static final Map<String, String> AS_VIEWER = Map.of("SYNCLINE_USER", "viewer", "SYNCLINE_PASSWORD", "viewer-password-1");
    private Path homes;
    private AlertSinks sinks;
    private ServerProcess master;
    private final List<ServerProcess> agents = new ArrayList<>();
    private Connection admin;
    private final BlockingQueue<AlertEvent> pushed = new LinkedBlockingQueue<>();
    private String usedToken;
    private final BlockingQueue<TopologyVersion> topologyPushes = new LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws Exception {
        homes = Files.createTempDirectory("syncline-itest-agents");
        sinks = new AlertSinks();
        master = new ServerProcess(homes.resolve("master"), "--roles", "master", "--set", "distribution.alert-interval=1s",
                "--set", "distribution.webhook=" + sinks.webhook(), "--set", "distribution.smtp-host=127.0.0.1",
                "--set", "distribution.smtp-port=" + sinks.smtpPort(), "--set", "distribution.smtp-starttls=false",
                "--set", "distribution.smtp-from=syncline@example.org", "--set", "distribution.alert-to=ops@example.org");
        admin = master.connect("admin", ServerProcess.ADMIN_PASSWORD);
        new AdminClient(admin).addUser("viewer", "viewer-password-1".toCharArray(), false);
        new AlertsClient(admin).watchAlerts(pushed::add);
        new DistributionClient(admin).watchTopology(topologyPushes::add);
        // started side by side, as AgentCluster starts its agents
        List<String> names = List.of("web-1", "web-2", "db-1");
        List<Callable<ServerProcess>> starts = new ArrayList<>();
        for (String name : names) {
            usedToken = master.enrollmentToken();
            String token = usedToken;
            starts.add(() -> agent(name, token));
        }
        AgentCluster.startSideBySide(starts, (i, agent) -> agents.add(agent)); // in the order of names: tests pick agents by index
    }

    @AfterAll
    void stop() throws Exception {
        admin.close();
        for (ServerProcess a : agents) {
            a.close();
        }
        master.close();
        sinks.close();
    }

    private ServerProcess agent(String name, String token) throws Exception {
        return new ServerProcess(homes.resolve(name), "--roles", "agent", "--join", master.address().toString(), "--token", token,
                "--set", "distribution.agent-name=" + name, "--set", "distribution.sample-interval=1s");
    }

    private List<AgentInfo> agentList() {
        return new MonitorClient(admin).agents();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, what, Duration.ofSeconds(45));
    }

    private static <T> T next(BlockingQueue<T> queue, Predicate<T> wanted, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 45_000;
        while (System.currentTimeMillis() < deadline) {
            T item = queue.poll(500, TimeUnit.MILLISECONDS);
            if (item != null && wanted.test(item)) {
                return item;
            }
        }
        throw new AssertionError("Nothing arrived for: " + what);
    }

    @Test
    @Order(1)
    void aUsedTokenIsRefusedTheSecondTime() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> agent("again", usedToken));
        assertTrue(e.getMessage().contains("already used"), e.getMessage());
    }

    @Test
    @Order(2)
    void threeAgentsWaitInTheUnassignedPoolAndReportSamples() throws Exception {
        await(() -> agentList().stream().filter(a -> a.last().memoryTotal() > 0).count() == 3, "three agents reporting");
        Deployment d = new DistributionClient(admin).load().deployment();
        assertEquals(List.of("db-1", "web-1", "web-2"), d.getUnassigned().stream().map(Server::getName).sorted().toList());
        assertTrue(d.getUnassigned().stream().allMatch(s -> s.getAgentId() != null && !s.getAgentId().isEmpty()
                && "127.0.0.1".equals(s.getHost()) && s.getRoles().contains("agent")), d.getUnassigned().toString());
        // agents enrolling at the same moment are placed in one version ("agents", "2 agents enrolled or moved: web-1, ...")
        TopologyVersion enrolled = next(topologyPushes, v -> v.savedBy().equals("agent:web-1")
                || v.savedBy().equals("agents") && v.summary().contains("web-1"), "web-1's version pushed");
        assertTrue(enrolled.summary().equals("agent web-1 enrolled") || enrolled.summary().matches("[23] agents enrolled or moved: .*web-1.*"),
                enrolled.summary());
        Server web1 = d.getUnassigned().stream().filter(s -> s.getName().equals("web-1")).findFirst().orElseThrow();
        assertEquals(agents.get(0).address().port(), web1.getPort());

        var first = master.cli(AS_VIEWER, "--json", "agents");
        assertEquals(0, first.exitCode(), first.stderr());
        long uptime = uptimeOf(first.stdout(), "web-1");
        AgentInfo info = agentList().stream().filter(a -> a.name().equals("web-1")).findFirst().orElseThrow();
        // the build machine may be busy enough to make an agent 'overloaded' (CPU >= 90%); never offline
        assertTrue(List.of(AgentInfo.ONLINE, AgentInfo.OVERLOADED).contains(info.state()), info.toString());
        assertTrue(info.last().memoryUsed() > 0 && info.last().memoryUsed() <= info.last().memoryTotal(), info.toString());
        assertEquals(1, info.last().disks().size(), "the data directory is watched by default");
        assertTrue(info.last().disks().get(0).total() > 0, info.toString());
        await(() -> {
            try {
                return uptimeOf(master.cli(AS_VIEWER, "--json", "agents").stdout(), "web-1") > uptime;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "web-1's uptime to grow");

        var series = master.cli(AS_VIEWER, "--json", "monitor", "web-1", "--since", "10m");
        assertEquals(0, series.exitCode(), series.stderr());
        JsonObject s = JsonObject.parse(series.stdout());
        assertEquals("raw", s.string("resolution"));
        await(() -> new MonitorClient(admin).monitor("web-1", java.time.Instant.now().minusSeconds(600)).samples().size() >= 2,
                "samples written to the master's database");
        var unknown = master.cli(AS_VIEWER, "monitor", "nope");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("syncline: NOT_FOUND:"), unknown.stderr());
    }

    private static long uptimeOf(String agentsJson, String name) {
        for (Object o : JsonObject.parse(agentsJson).list("agents")) {
            @SuppressWarnings("unchecked")
            JsonObject a = new JsonObject((Map<String, Object>) o);
            if (a.string("name").equals(name)) {
                return a.object("last").number("uptimeSeconds");
            }
        }
        throw new AssertionError(name + " is not in " + agentsJson);
    }

    @Test
    @Order(3)
    void restartingAnAgentDoesNotAddItAgain() throws Exception {
        long version = new DistributionClient(admin).info().version();
        ServerProcess web2 = agents.get(1);
        assertEquals(143, web2.terminate());
        web2.start();
        await(() -> agentList().stream().anyMatch(a -> a.name().equals("web-2") && a.last().uptimeSeconds() < 30
                && !a.state().equals(AgentInfo.OFFLINE)), "web-2 back");
        assertEquals(version, new DistributionClient(admin).info().version(), "no new topology version");
        assertEquals(3, new DistributionClient(admin).load().deployment().getUnassigned().size());
    }

    @Test
    @Order(4)
    void aKilledAgentIsPushedOfflineWithoutAnyAlertRuleAndOnlineWhenItIsBack() throws Exception {
        assertEquals(List.of(), new AlertsClient(admin).rules(), "no alert rule is defined");
        BlockingQueue<AgentInfo> states = new LinkedBlockingQueue<>();
        try (AutoCloseable watch = new MonitorClient(admin).watchStates(states::add)) {
            ServerProcess web1 = agents.get(0);
            await(() -> agentList().stream().anyMatch(a -> a.name().equals("web-1") && !a.state().equals(AgentInfo.OFFLINE)), "web-1 reporting");
            long killed = System.currentTimeMillis();
            web1.kill9();
            AgentInfo offline = next(states, a -> a.name().equals("web-1") && a.state().equals(AgentInfo.OFFLINE), "web-1's offline push");
            long took = System.currentTimeMillis() - killed;
            // three missed heartbeats of 1 s and a check every second; the rest is slack for a busy machine
            assertTrue(took < 20_000, "offline pushed " + took + " ms after the kill");
            assertNotEquals(java.time.Instant.EPOCH, offline.lastSeen());
            assertEquals(AgentInfo.OFFLINE, agentList().stream().filter(a -> a.name().equals("web-1")).findFirst().orElseThrow().state());
            assertTrue(states.stream().noneMatch(a -> !a.name().equals("web-1") && a.state().equals(AgentInfo.OFFLINE)),
                    "only the killed agent went offline: " + states);

            web1.start();
            AgentInfo back = next(states, a -> a.name().equals("web-1") && !a.state().equals(AgentInfo.OFFLINE), "web-1's online push");
            assertTrue(List.of(AgentInfo.ONLINE, AgentInfo.OVERLOADED).contains(back.state()), back.toString());
            assertTrue(back.lastSeen().isAfter(offline.lastSeen()), "a new heartbeat brought it back");
        }
    }

    @Test
    @Order(5)
    void onlyAdminsChangeRulesAndBadRulesAreNamed() throws Exception {
        var refused = master.cli(AS_VIEWER, "alert", "rule", "add", "--kind", "silent", "--seconds", "5");
        assertEquals(1, refused.exitCode());
        // (the first call of this user may say first that it trusts the server's certificate)
        assertTrue(refused.stderr().lines().anyMatch(l -> l.startsWith("syncline: ACCESS_DENIED:")), refused.stderr());
        var bad = master.cli(AS_ADMIN, "alert", "rule", "add", "--kind", "temperature");
        assertEquals(2, bad.exitCode(), "a bad argument is a usage error");
        assertTrue(bad.stderr().startsWith("syncline: INVALID_ARGUMENT: --kind must be"), bad.stderr());
        var noSeconds = master.cli(AS_ADMIN, "alert", "rule", "add", "--kind", "silent");
        assertTrue(noSeconds.stderr().contains("--seconds"), noSeconds.stderr());
        assertEquals(0, master.cli(AS_VIEWER, "alert", "rules").exitCode());
    }

    @Test
    @Order(6)
    void aThresholdRuleRaisesOncePerAgentAndNotAgain() throws Exception {
        var added = master.cli(AS_ADMIN, "--json", "alert", "rule", "add", "--kind", "memory", "--above", "0", "--for", "0");
        assertEquals(0, added.exitCode(), added.stderr());
        long rule = JsonObject.parse(added.stdout()).number("id");
        AlertsClient alerts = new AlertsClient(admin);
        await(() -> alerts.alerts(false).stream().filter(a -> a.ruleId() == rule).count() == 3, "a memory alert for each agent");
        Thread.sleep(4_000); // several evaluation rounds (every second)
        List<Alert> all = alerts.alerts(true).stream().filter(a -> a.ruleId() == rule).toList();
        assertEquals(3, all.size(), "raised once per agent, never again while it holds: " + all);
        assertTrue(agentList().stream().allMatch(a -> a.state().equals(AgentInfo.ALERTING)), agentList().toString());

        var removed = master.cli(AS_ADMIN, "alert", "rule", "rm", String.valueOf(rule));
        assertEquals(0, removed.exitCode(), removed.stderr());
        assertTrue(alerts.alerts(false).stream().noneMatch(a -> a.ruleId() == rule), "removing the rule clears its alerts");
        assertEquals(3, alerts.alerts(true).stream().filter(a -> a.ruleId() == rule && !a.isOpen()).count(), "the history is kept");
    }

    @Test
    @Order(7)
    void aKilledAgentsSilentAlertReachesEveryChannelAndClearsWhenItIsBack() throws Exception {
        var added = master.cli(AS_ADMIN, "--json", "alert", "rule", "add", "--kind", "silent", "--seconds", "5");
        assertEquals(0, added.exitCode(), added.stderr());
        long rule = JsonObject.parse(added.stdout()).number("id");
        Thread.sleep(2_000);
        assertTrue(new AlertsClient(admin).alerts(false).stream().noneMatch(a -> a.ruleId() == rule), "every agent reports");
        pushed.clear();
        sinks.mails.clear();
        sinks.posts.clear();

        ServerProcess db1 = agents.get(2);
        db1.kill9();
        AlertEvent raised = next(pushed, e -> e.alert().ruleId() == rule && e.event().equals(AlertEvent.RAISED), "the raised push");
        assertEquals("db-1", raised.alert().target());
        assertTrue(raised.alert().message().contains("db-1"), raised.alert().message());
        String mail = next(sinks.mails, m -> m.contains("RAISED") && m.contains("db-1") && m.contains("agent silent for 5 s"), "the e-mail");
        assertTrue(mail.contains("To: ops@example.org"), mail);
        String post = next(sinks.posts, p -> p.contains("\"raised\"") && p.contains("db-1"), "the webhook POST");
        JsonObject body = JsonObject.parse(post);
        assertEquals(raised.alert().id(), body.object("alert").number("id"));
        var open = master.cli(AS_VIEWER, "--json", "alerts");
        assertTrue(open.stdout().contains("db-1"), open.stdout());
        assertEquals(AgentInfo.OFFLINE, agentList().stream().filter(a -> a.name().equals("db-1")).findFirst().orElseThrow().state());

        db1.start();
        AlertEvent cleared = next(pushed, e -> e.alert().ruleId() == rule && e.event().equals(AlertEvent.CLEARED), "the cleared push");
        assertEquals(raised.alert().id(), cleared.alert().id());
        assertNotEquals(java.time.Instant.EPOCH, cleared.alert().clearedAt());
        next(sinks.mails, m -> m.contains("CLEARED") && m.contains("db-1"), "the cleared e-mail");
        next(sinks.posts, p -> p.contains("\"cleared\"") && p.contains("db-1"), "the cleared webhook POST");
        var history = master.cli(AS_VIEWER, "--json", "alerts", "--all");
        assertEquals(0, history.exitCode(), history.stderr());
        assertTrue(new AlertsClient(admin).alerts(true).stream().anyMatch(a -> a.id() == raised.alert().id() && !a.isOpen()));
        assertEquals(1, new AlertsClient(admin).alerts(true).stream().filter(a -> a.ruleId() == rule && a.target().equals("db-1")).count(),
                "one alert for one silence");
        assertEquals(AlertRule.SILENT, new AlertsClient(admin).rules().stream().filter(r -> r.id() == rule).findFirst().orElseThrow().kind());
    }
}
