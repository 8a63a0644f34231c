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

import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.OutOfDateTarget;
import org.syncline.distribution.RunTarget;
import org.syncline.distribution.client.JobsClient;

/**
 * kill -9 of an intermediate agent mid-run, shared by the failover and recovery tests: a cluster of src-1 and three
 * targets t-1..t-3 in group eu/web (src-1 sends to two of them, one of those forwards to the third); a job copies a
 * folder of many files from src-1 to {@code FOLDER-copy} on every target; the agent that forwards is killed once it
 * received some files but not all. The run ends partial for the killed one, the others get every file with the
 * source's SHA-256 through a live peer.
 */
final class MidRunKill {
    static final List<String> AGENTS = List.of("src-1", "t-1", "t-2", "t-3");
    static final List<String> TARGETS = AGENTS.subList(1, AGENTS.size());
    static final int FILES = 300;
    private final AgentCluster cluster;
    private final String folder;
    private final String copy;

    /** What the kill left: the agent killed and the run as it ended. */
    record Killed(String agent, JobRun run) {
    }

    /**
     * Writes {@link #FILES} files into {@code folder} on src-1 and defines job {@code folder} (its name), copying them
     * to {@code copy} on group eu/web with the recovery policy given.
     */
    MidRunKill(AgentCluster cluster, String folder, String copy, String recovery, String recoverAt) throws Exception {
        this.cluster = cluster;
        this.folder = folder;
        this.copy = copy;
        // many files, so the kill lands while the forwarding agent receives
        Path many = source();
        Files.createDirectories(many);
        Random random = new Random(42);
        byte[] block = new byte[32 * 1024];
        for (int i = 0; i < FILES; i++) {
            random.nextBytes(block);
            Files.write(many.resolve(name(i)), block);
        }
        jobs().create(new Job(0, folder, true, "src-1", List.of(folder), List.of(new JobTarget(JobTarget.GROUP, "eu/web", copy)), List.of(),
                List.of(), List.of("create", "update"), Map.of(), Job.MANUAL, "", 0, "", 1, recovery, recoverAt, "", null, "", null));
    }

    String job() {
        return folder;
    }

    private JobsClient jobs() {
        return new JobsClient(cluster.admin());
    }

    Path source() {
        return cluster.content("src-1").resolve(folder);
    }

    private static String name(int i) {
        return String.format("f-%03d.bin", i);
    }

    /**
     * Runs the job with every agent online and in the plan, kills the agent that forwards once it took 20 files, and
     * checks the end: partial, the killed agent out of date (and only it), every other target ok, re-planned around it,
     * holding every file with the source's SHA-256 and no temp file.
     */
    Killed run() throws Exception {
        JobsClient jobs = jobs();
        cluster.awaitOnline(AGENTS.size());
        AgentCluster.await(() -> jobs.plan(folder).leftOut().isEmpty(), "every target in the plan");
        List<JobRun> pushed = new CopyOnWriteArrayList<>();
        AtomicReference<String> forwarder = new AtomicReference<>();
        JobRun run;
        try (AutoCloseable watching = jobs.watchRuns(pushed::add)) {
            run = jobs.run(folder, "");
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
        for (String t : TARGETS) {
            if (t.equals(dead)) {
                continue;
            }
            RunTarget r = end.targets().stream().filter(x -> x.server().equals(t)).findFirst().orElseThrow();
            assertEquals(RunTarget.OK, r.state(), end.toString());
            assertNotEquals(dead, r.from(), "re-planned around the dead agent: " + end);
            assertCaughtUp(t);
        }
        assertEquals(List.of(dead), outOfDate());
        return new Killed(dead, end);
    }

    /** The servers the job is out of date on. */
    List<String> outOfDate() {
        return jobs().outOfDate(folder).stream().map(OutOfDateTarget::server).toList();
    }

    /** The target holds every file with the source's SHA-256, and no temp file. */
    void assertCaughtUp(String target) throws Exception {
        for (int i = 0; i < FILES; i++) {
            assertEquals(AgentCluster.sha(source().resolve(name(i))), AgentCluster.sha(cluster.content(target).resolve(copy).resolve(name(i))),
                    target + ": " + name(i));
        }
        cluster.assertNoTempFiles(target);
    }

    /**
     * The job's newest run of trigger recovery once it ended: ok, for {@code agent} only; the agent is caught up and
     * the job out of date nowhere.
     */
    JobRun assertRecovered(String agent) throws Exception {
        JobsClient jobs = jobs();
        AgentCluster.await(() -> jobs.log(folder, 5).stream().anyMatch(r -> r.trigger().equals(JobRun.RECOVERY) && r.finished()),
                "the recovery run", 120_000);
        JobRun recovery = jobs.log(folder, 5).stream().filter(r -> r.trigger().equals(JobRun.RECOVERY)).findFirst().orElseThrow();
        assertEquals(JobRun.OK, recovery.state(), recovery.toString());
        assertEquals(List.of(agent), recovery.targets().stream().map(RunTarget::server).toList(), recovery.toString());
        assertCaughtUp(agent);
        assertEquals(List.of(), outOfDate());
        return recovery;
    }
}
