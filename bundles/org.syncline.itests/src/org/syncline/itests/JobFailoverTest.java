package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.OutOfDateTarget;
import org.syncline.distribution.RunTarget;
import org.syncline.distribution.client.JobsClient;

/**
 * Failover between real processes: a master and four agents (src-1 sends to two targets, one of them forwards to
 * the third). The forwarding agent is killed with kill -9 while it receives: its child still gets every file, with
 * the right SHA-256, through another peer; the run ends partial; the killed agent is out of date for the job, also
 * after a restart of the master; when it comes back, the job's immediate recovery brings it up to date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobFailoverTest {
    private static final List<String> TARGETS = List.of("t-1", "t-2", "t-3");
    private static final String JOB = "bulk";
    private static final int FILES = 300;
    private AgentCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = new AgentCluster("syncline-itest-failover", List.of("src-1", "t-1", "t-2", "t-3"));
        // many files, so the kill lands while the forwarding agent receives
        Path many = cluster.content("src-1").resolve("bulk");
        Files.createDirectories(many);
        Random random = new Random(42);
        byte[] block = new byte[32 * 1024];
        for (int i = 0; i < FILES; i++) {
            random.nextBytes(block);
            Files.write(many.resolve(String.format("f-%03d.bin", i)), block);
        }
        new JobsClient(cluster.admin()).create(new Job(0, JOB, true, "src-1", List.of("bulk"), List.of(new JobTarget(JobTarget.GROUP, "eu/web",
                "copy")), List.of(), List.of(), List.of("create", "update"), Map.of(), Job.MANUAL, "", 0, "", 1, Job.RECOVER_IMMEDIATE, "", "",
                null, "", null));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aKilledForwardingAgentIsRoutedAroundAndCaughtUpWhenItReturns() throws Exception {
        JobsClient jobs = new JobsClient(cluster.admin());
        cluster.awaitOnline(4);
        AgentCluster.await(() -> jobs.plan(JOB).leftOut().isEmpty(), "every target in the plan");
        List<JobRun> pushed = new CopyOnWriteArrayList<>();
        AtomicReference<String> forwarder = new AtomicReference<>();
        JobRun run;
        try (AutoCloseable watching = jobs.watchRuns(pushed::add)) {
            run = jobs.run(JOB, "");
            long id = run.id();
            // the agent that forwards to another, once it has taken some files but not all
            AgentCluster.await(() -> pushed.stream().filter(r -> r.id() == id).anyMatch(r -> {
                String f = r.targets().stream().map(RunTarget::from).filter(TARGETS::contains).findFirst().orElse(null);
                boolean midway = f != null && r.targets().stream().anyMatch(t -> t.server().equals(f) && t.state().equals(RunTarget.RECEIVING)
                        && t.files() >= 20);
                if (midway) {
                    forwarder.set(f);
                }
                return midway;
            }), "the forwarding agent receiving", 120_000);
            cluster.agents.get(forwarder.get()).kill9();
            AgentCluster.await(() -> pushed.stream().anyMatch(r -> r.id() == id && r.finished()), "the end of the run", 180_000);
        }
        String dead = forwarder.get();
        JobRun end = jobs.runInfo(run.id());
        assertEquals(JobRun.PARTIAL, end.state(), end.toString());
        RunTarget killed = end.targets().stream().filter(t -> t.server().equals(dead)).findFirst().orElseThrow();
        assertEquals(RunTarget.OUT_OF_DATE, killed.state(), end.toString());
        assertTrue(killed.files() < FILES, "killed mid-run: " + killed);
        Path source = cluster.content("src-1").resolve("bulk");
        for (String t : TARGETS) {
            if (t.equals(dead)) {
                continue;
            }
            RunTarget r = end.targets().stream().filter(x -> x.server().equals(t)).findFirst().orElseThrow();
            assertEquals(RunTarget.OK, r.state(), end.toString());
            assertNotEquals(dead, r.from(), "re-planned around the dead agent: " + end);
            assertSameFiles(source, cluster.content(t).resolve("copy"), t);
            cluster.assertNoTempFiles(t);
        }
        assertEquals(List.of(dead), jobs.outOfDate(JOB).stream().map(OutOfDateTarget::server).toList());
        var show = cluster.master.cli(AgentCluster.AS_ADMIN, "job", "show", JOB);
        assertTrue(show.stdout().contains("out of date " + dead + " since run " + run.id()), show.stdout());

        // the master keeps it across a restart
        cluster.restartMaster();
        JobsClient again = new JobsClient(cluster.admin());
        assertEquals(List.of(dead), again.outOfDate(JOB).stream().map(OutOfDateTarget::server).toList());
        cluster.awaitOnline(3);

        // it comes back: the immediate recovery catches it up, and only it
        cluster.agents.get(dead).start();
        AgentCluster.await(() -> again.log(JOB, 5).stream().anyMatch(r -> r.trigger().equals(JobRun.RECOVERY) && r.finished()), "the recovery run",
                120_000);
        JobRun recovery = again.log(JOB, 5).stream().filter(r -> r.trigger().equals(JobRun.RECOVERY)).findFirst().orElseThrow();
        assertEquals(JobRun.OK, recovery.state(), recovery.toString());
        assertEquals(List.of(dead), recovery.targets().stream().map(RunTarget::server).toList());
        assertSameFiles(source, cluster.content(dead).resolve("copy"), dead);
        assertEquals(List.of(), again.outOfDate(JOB));
    }

    private static void assertSameFiles(Path source, Path copy, String target) throws Exception {
        for (int i = 0; i < FILES; i++) {
            String name = String.format("f-%03d.bin", i);
            assertEquals(AgentCluster.sha(source.resolve(name)), AgentCluster.sha(copy.resolve(name)), target + ": " + name);
        }
    }
}
