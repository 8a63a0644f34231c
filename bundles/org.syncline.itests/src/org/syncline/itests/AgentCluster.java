package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.syncline.core.Sha256;
import org.syncline.distribution.AgentInfo;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.client.JobsClient;
import org.syncline.distribution.client.MonitorClient;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Region;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.TransferMode;
import org.syncline.protocol.Connection;
import org.syncline.testing.Await;
import org.syncline.testing.ServerProcess;

/**
 * A master and agents as real processes on loopback, every agent enrolled and placed in one group eu/web with a
 * delta, level-6 same-group policy; each agent serves its own distribution root.
 */
final class AgentCluster implements AutoCloseable {
    static final Map<String, String> AS_ADMIN = Map.of("SYNCLINE_USER", "admin", "SYNCLINE_PASSWORD", ServerProcess.ADMIN_PASSWORD);
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;
    final Path homes;
    final ServerProcess master;
    final Map<String, ServerProcess> agents = new LinkedHashMap<>();
    private Connection admin;

    /** Starts the master and the agents and places them; whatever was started is stopped again when a step fails. */
    AgentCluster(String prefix, List<String> names) throws Exception {
        this(prefix, names, List.of());
    }

    /** The same, the master started with {@code masterArgs} too (e.g. {@code --set distribution.schedule-clock=FILE}). */
    AgentCluster(String prefix, List<String> names, List<String> masterArgs) throws Exception {
        homes = Files.createTempDirectory(prefix);
        // a busy build machine would make agents 'overloaded' (left out of plans) for seconds at a time
        List<String> args = new ArrayList<>(List.of("--roles", "master", "--set", "distribution.overload-percent=never"));
        args.addAll(masterArgs);
        master = new ServerProcess(homes.resolve("master"), args.toArray(String[]::new));
        try {
            admin = master.connect("admin", ServerProcess.ADMIN_PASSWORD);
            startAgents(names);
            place(names.size());
        } catch (Exception | Error e) {
            try {
                close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Starts every agent at once; each one that started is kept (and so stopped by {@link #close}), also when another failed. */
    private void startAgents(List<String> names) throws Exception {
        List<Callable<ServerProcess>> starts = new ArrayList<>();
        for (String name : names) {
            String token = master.enrollmentToken();
            starts.add(() -> new ServerProcess(homes.resolve(name), "--roles", "agent", "--join", master.address().toString(),
                    "--token", token, "--set", "distribution.agent-name=" + name, "--set", "distribution.sample-interval=1s",
                    "--set", "distribution.root=" + content(name)));
        }
        startSideBySide(starts, (i, agent) -> agents.put(names.get(i), agent));
    }

    /**
     * Runs the server starts at once (part of a start-up waits on the disk, not the CPU) and hands each process that
     * started to {@code started} with its index, in index order, also when another start failed, so that the caller
     * stops it; then throws the first failure.
     */
    static void startSideBySide(List<Callable<ServerProcess>> starts, BiConsumer<Integer, ServerProcess> started) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(starts.size());
        try {
            List<Future<ServerProcess>> running = new ArrayList<>();
            for (Callable<ServerProcess> start : starts) {
                running.add(starting.submit(start));
            }
            ExecutionException failed = null;
            for (int i = 0; i < running.size(); i++) {
                try {
                    started.accept(i, running.get(i).get());
                } catch (ExecutionException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                throw new IllegalStateException("A server did not start: " + failed.getCause(), failed.getCause());
            }
        } finally {
            starting.shutdown();
        }
    }

    /** Places the {@code n} enrolled agents in group eu/web with a delta, level-6 same-group policy. */
    private void place(int n) throws Exception {
        await(() -> new DistributionClient(admin).load().deployment().getUnassigned().size() == n, "the agents in the topology");
        DistributionClient.Loaded t = new DistributionClient(admin).load();
        Deployment d = t.deployment();
        Region eu = F.createRegion();
        eu.setName("eu");
        d.getRegions().add(eu);
        Group web = F.createGroup();
        web.setName("web");
        eu.getGroups().add(web);
        for (Server s : new ArrayList<>(d.getUnassigned())) {
            web.getServers().add(s);
        }
        LinkPolicy policy = F.createLinkPolicy();
        policy.setTransferMode(TransferMode.DELTA);
        policy.setCompression(6);
        d.setSameGroupPolicy(policy);
        new DistributionClient(admin).save(d, t.version().version());
    }

    /**
     * Starts a run of {@code job} (limited to {@code path}; empty: the whole job) and polls until it ended, two
     * minutes at most; returns the run as it ended.
     */
    static JobRun runAndWait(JobsClient jobs, String job, String path) throws Exception {
        JobRun run = jobs.run(job, path);
        assertEquals(JobRun.RUNNING, run.state(), run.toString());
        long deadline = System.currentTimeMillis() + 120_000;
        while (!run.finished()) {
            assertTrue(System.currentTimeMillis() < deadline, "run " + run.id() + " did not end");
            Thread.sleep(200);
            run = jobs.runInfo(run.id());
        }
        return run;
    }

    /** The admin's connection to the master (a new one after {@link #restartMaster}). */
    Connection admin() {
        return admin;
    }

    /** Stops the master cleanly and starts it again on the same data and port. */
    void restartMaster() throws Exception {
        admin.close();
        master.terminate();
        master.start();
        admin = master.connect("admin", ServerProcess.ADMIN_PASSWORD);
    }

    Path content(String agent) {
        return homes.resolve(agent).resolve("data").resolve("content");
    }

    /** Waits until {@code n} agents report online. */
    void awaitOnline(int n) throws InterruptedException {
        await(() -> new MonitorClient(admin).agents().stream().filter(a -> a.state().equals(AgentInfo.ONLINE)).count() == n, n + " agents online");
    }

    /**
     * Restarts the agent (after a kill -9, say) and waits until the master heard from it twice since: its hello and a
     * sample it sent after the hello was answered, so whatever the hello started on the master (an immediate
     * recovery) has been started by then. Returns when it is online.
     */
    void restartAgent(String agent) throws Exception {
        MonitorClient monitor = new MonitorClient(admin);
        java.util.function.Supplier<java.time.Instant> lastSeen = () -> monitor.agents().stream().filter(a -> a.name().equals(agent))
                .map(AgentInfo::lastSeen).findFirst().orElse(java.time.Instant.EPOCH);
        java.time.Instant[] seen = { lastSeen.get() };
        agents.get(agent).start();
        for (int i = 0; i < 2; i++) {
            await(() -> {
                java.time.Instant now = lastSeen.get();
                boolean later = now.isAfter(seen[0]);
                seen[0] = later ? now : seen[0];
                return later;
            }, "the master hearing from " + agent + " after its restart", 120_000);
        }
        await(() -> monitor.agents().stream().anyMatch(a -> a.name().equals(agent) && a.state().equals(AgentInfo.ONLINE)), agent + " online");
    }

    void assertNoTempFiles(String agent) throws IOException {
        try (Stream<Path> all = Files.walk(content(agent))) {
            List<Path> parts = all.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
            assertEquals(List.of(), parts, agent + " holds temp files");
        }
    }

    static String sha(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return Sha256.hex(in);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, 60_000);
    }

    static void await(BooleanSupplier condition, String what, long millis) throws InterruptedException {
        Await.until(condition, what, Duration.ofMillis(millis));
    }

    @Override
    public void close() throws Exception {
        if (admin != null) {
            admin.close();
        }
        for (ServerProcess a : agents.values()) {
            a.close();
        }
        master.close();
    }
}
