package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.OutOfDateTarget;
import org.syncline.distribution.RunTarget;
import org.syncline.distribution.client.DistributionClient;
import org.syncline.distribution.client.JobsClient;
import org.syncline.distribution.routing.RoutePlan;
import org.syncline.model.topology.Deployment;
import org.syncline.model.topology.Group;
import org.syncline.model.topology.LinkPolicy;
import org.syncline.model.topology.Server;
import org.syncline.model.topology.TopologyFactory;
import org.syncline.model.topology.TransferMode;
import org.syncline.model.topology.query.Elements;

/**
 * kill -9 of a forwarder in the middle of a cut-through stream, between real processes: a master and four agents,
 * src-1 alone in group eu/src, f-fwd (the strongest) leading group eu/web and forwarding to c-1 and c-2, every
 * link capped at 3 MiB/s. While f-fwd receives a 36 MiB file its children follow it as it lands; f-fwd is killed
 * once both children hold megabytes of it. The run finishes for both children through a live peer, each copy has
 * the source's SHA-256 and no temp file is left; f-fwd is out of date and, restarted, is caught up by the job's
 * immediate recovery, the temp file its death left behind gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobForwarderKillTest {
    private static final TopologyFactory F = TopologyFactory.eINSTANCE;
    private static final String JOB = "stream";
    private static final String FORWARDER = "f-fwd";
    private static final List<String> CHILDREN = List.of("c-1", "c-2");
    private static final long CAP = 3L << 20;
    private static final int MIB = 36;
    private static final List<String> FILES = List.of("big.bin", "notes/readme.txt");
    private AgentCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = new AgentCluster("syncline-itest-fwdkill", List.of("src-1", FORWARDER, "c-1", "c-2"));
        DistributionClient.Loaded t = new DistributionClient(cluster.admin()).load();
        Deployment d = t.deployment();
        Group src = F.createGroup();
        src.setName("src");
        d.getRegions().get(0).getGroups().add(src);
        src.getServers().add(server(d, "src-1"));
        server(d, FORWARDER).setWeight(3);
        d.setSameGroupPolicy(capped());
        d.setSameRegionPolicy(capped());
        new DistributionClient(cluster.admin()).save(d, t.version().version());

        Path data = cluster.content("src-1").resolve("data");
        Files.createDirectories(data.resolve("notes"));
        Random random = new Random(99);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(data.resolve("big.bin"))) {
            for (int i = 0; i < MIB; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        Files.writeString(data.resolve("notes/readme.txt"), "what the stream carries\n");
        new JobsClient(cluster.admin()).create(new Job(0, JOB, true, "src-1", List.of("data"), List.of(new JobTarget(JobTarget.GROUP, "eu/web",
                "copy")), List.of(), List.of(), List.of("create", "update"), Map.of(), Job.MANUAL, "", 0, "", 1, Job.RECOVER_IMMEDIATE, "", "",
                null, "", null));
    }

    private static LinkPolicy capped() {
        LinkPolicy p = F.createLinkPolicy();
        p.setTransferMode(TransferMode.DELTA);
        p.setCompression(0);
        p.setBandwidthLimit(CAP);
        return p;
    }

    private static Server server(Deployment d, String name) {
        return Elements.servers(d).stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aForwarderKilledMidStreamIsRoutedAroundWithoutAHalfFileAndCaughtUpWhenItReturns() throws Exception {
        JobsClient jobs = new JobsClient(cluster.admin());
        cluster.awaitOnline(4);
        AgentCluster.await(() -> {
            RoutePlan p = jobs.plan(JOB);
            return p.leftOut().isEmpty() && p.receivers().size() == 3;
        }, "every target in the plan");
        RoutePlan plan = jobs.plan(JOB);
        assertEquals(Optional.of("src-1"), plan.parentOf(FORWARDER), plan.toString());
        for (String c : CHILDREN) {
            assertEquals(Optional.of(FORWARDER), plan.parentOf(c), "the forwarder feeds both children: " + plan);
        }
        List<JobRun> pushed = new CopyOnWriteArrayList<>();
        JobRun run;
        try (AutoCloseable watching = jobs.watchRuns(pushed::add)) {
            run = jobs.run(JOB, "");
            long id = run.id();
            // mid-stream: both children write what they follow from the forwarder, which still receives it itself
            AgentCluster.await(() -> CHILDREN.stream().allMatch(c -> partBytes(c) >= 4L << 20) && partBytes(FORWARDER) > 0,
                    "both children megabytes into the file the forwarder still receives", 120_000);
            JobRun standing = pushed.stream().filter(r -> r.id() == id).reduce((a, b) -> b).orElseThrow();
            for (String c : CHILDREN) {
                RunTarget t = standing.targets().stream().filter(x -> x.server().equals(c)).findFirst().orElseThrow();
                assertEquals(FORWARDER, t.from(), "following the forwarder when it is killed: " + standing);
                assertEquals(RunTarget.RECEIVING, t.state(), standing.toString());
            }
            cluster.agents.get(FORWARDER).kill9();
            AgentCluster.await(() -> pushed.stream().anyMatch(r -> r.id() == id && r.finished()), "the end of the run", 180_000);
        }
        JobRun end = jobs.runInfo(run.id());
        assertEquals(JobRun.PARTIAL, end.state(), end.toString());
        RunTarget killed = end.targets().stream().filter(t -> t.server().equals(FORWARDER)).findFirst().orElseThrow();
        assertEquals(RunTarget.OUT_OF_DATE, killed.state(), end.toString());
        for (String c : CHILDREN) {
            RunTarget r = end.targets().stream().filter(x -> x.server().equals(c)).findFirst().orElseThrow();
            assertEquals(RunTarget.OK, r.state(), end.toString());
            assertNotEquals(FORWARDER, r.from(), "re-planned through a live peer: " + end);
            assertSameFiles(c);
            assertNothingHalfWritten(c);
        }
        assertEquals(List.of(FORWARDER), jobs.outOfDate(JOB).stream().map(OutOfDateTarget::server).toList());

        // it comes back: the cut-off write it left is gone, and the immediate recovery brings it up to date
        cluster.agents.get(FORWARDER).start();
        AgentCluster.await(() -> jobs.log(JOB, 5).stream().anyMatch(r -> r.trigger().equals(JobRun.RECOVERY) && r.finished()), "the recovery run",
                120_000);
        JobRun recovery = jobs.log(JOB, 5).stream().filter(r -> r.trigger().equals(JobRun.RECOVERY)).findFirst().orElseThrow();
        assertEquals(JobRun.OK, recovery.state(), recovery.toString());
        assertEquals(List.of(FORWARDER), recovery.targets().stream().map(RunTarget::server).toList());
        assertSameFiles(FORWARDER);
        assertNothingHalfWritten(FORWARDER);
        assertEquals(List.of(), jobs.outOfDate(JOB));
    }

    /** Bytes in the temp files of the writes under way on {@code agent} now. */
    private long partBytes(String agent) {
        try (Stream<Path> all = Files.walk(cluster.content(agent))) {
            return all.filter(p -> p.getFileName().toString().endsWith(".part")).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // committed or dropped in between
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0; // a folder changed while walked: look again
        }
    }

    private void assertSameFiles(String target) throws IOException {
        for (String f : FILES) {
            assertEquals(AgentCluster.sha(cluster.content("src-1").resolve("data").resolve(f)),
                    AgentCluster.sha(cluster.content(target).resolve("copy").resolve(f)), target + ": " + f);
        }
    }

    /** No temp file of a write, and no spooled hop bytes, anywhere in the agent's home. */
    private void assertNothingHalfWritten(String agent) throws IOException {
        cluster.assertNoTempFiles(agent);
        try (Stream<Path> all = Files.walk(cluster.homes.resolve(agent))) {
            List<Path> left = all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".part")
                    || p.getParent().getFileName().toString().equals("hop-spool")).toList();
            assertEquals(List.of(), left, agent + " holds half-written or spooled files");
        }
    }
}
