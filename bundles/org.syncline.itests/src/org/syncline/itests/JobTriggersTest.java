package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.JobTarget;
import org.syncline.distribution.client.JobsClient;

/**
 * Triggers between real processes (a master, the source src-1 and targets t-1, t-2): a real-time job delivers
 * files written on the source, in new folders too, without anyone running it; an interval job fires on its own;
 * a disabled one does not. The master's schedules read the time from a file the test writes
 * ({@code distribution.schedule-clock}), so the shortest interval a job may have, a minute, passes without being
 * waited for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobTriggersTest {
    private static final List<String> TARGETS = List.of("t-1", "t-2");
    private Path clock;
    private AgentCluster cluster;
    private JobsClient jobs;

    @BeforeAll
    void start() throws Exception {
        clock = Files.createTempFile("syncline-itest-schedule-clock", ".txt");
        Files.writeString(clock, Instant.now().toString());
        cluster = new AgentCluster("syncline-itest-triggers", List.of("src-1", "t-1", "t-2"), List.of("--set", "distribution.schedule-clock=" + clock));
        jobs = new JobsClient(cluster.admin());
        cluster.awaitOnline(3);
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (clock != null) {
            Files.deleteIfExists(clock);
        }
    }

    private static Job job(String name, boolean enabled, String path, String trigger, long interval) {
        return new Job(0, name, enabled, "src-1", List.of(path), List.of(new JobTarget(JobTarget.GROUP, "eu/web", path + "-copy")), List.of(),
                List.of(), List.of("create", "update"), Map.of(), trigger, "", interval, "", 0, Job.RECOVER_MANUAL, "", "", null, "", null);
    }

    @Test
    void aRealtimeJobDeliversWhatIsWrittenOnTheSource() throws Exception {
        Path live = cluster.content("src-1").resolve("live");
        Files.createDirectories(live);
        jobs.create(job("live", true, "live", Job.REALTIME, 0));
        Files.writeString(live.resolve("a.txt"), "written on the source\n");
        awaitOnTargets("live-copy/a.txt", "written on the source\n");
        Files.createDirectories(live.resolve("sub/deeper"));
        Files.writeString(live.resolve("sub/deeper/b.txt"), "in a new folder\n");
        awaitOnTargets("live-copy/sub/deeper/b.txt", "in a new folder\n");
        Files.writeString(live.resolve("a.txt"), "changed on the source\n");
        awaitOnTargets("live-copy/a.txt", "changed on the source\n");
        List<JobRun> runs = jobs.log("live", 100);
        assertTrue(!runs.isEmpty() && runs.stream().allMatch(r -> r.trigger().equals(JobRun.REALTIME)), runs.toString());
        for (String t : TARGETS) {
            cluster.assertNoTempFiles(t);
        }
    }

    @Test
    void anIntervalJobFiresOnItsOwnAndADisabledOneNever() throws Exception {
        for (String p : List.of("tick", "never")) {
            Files.createDirectories(cluster.content("src-1").resolve(p));
            Files.writeString(cluster.content("src-1").resolve(p + "/file.txt"), p + "\n");
        }
        jobs.create(job("never", false, "never", Job.INTERVAL, 60));
        Instant created = jobs.create(job("tick", true, "tick", Job.INTERVAL, 60)).created(); // the shortest interval a job may have
        // A schedule counts from the master's first look at the job (a tick a second), so the clock is moved past the
        // job's next minute only seconds after that look, and by one more minute each time no run followed.
        long[] minutes = { 0 };
        long[] movedAt = { System.nanoTime() };
        AgentCluster.await(() -> {
            List<JobRun> runs = jobs.log("tick", 5);
            if (runs.isEmpty() && System.nanoTime() - movedAt[0] > 3_000_000_000L) {
                minutes[0]++;
                movedAt[0] = System.nanoTime();
                try {
                    Files.writeString(clock, created.plusSeconds(60 * minutes[0] + 1).toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return !runs.isEmpty() && runs.stream().allMatch(JobRun::finished);
        }, "the interval job's run", 150_000);
        List<JobRun> runs = jobs.log("tick", 5);
        assertTrue(runs.stream().allMatch(r -> r.trigger().equals(JobRun.INTERVAL) && r.state().equals(JobRun.OK)), runs.toString());
        for (String t : TARGETS) {
            assertEquals("tick\n", Files.readString(cluster.content(t).resolve("tick-copy/file.txt")), t);
        }
        assertEquals(List.of(), jobs.log("never", 5), "a disabled job never fires");
    }

    private void awaitOnTargets(String path, String content) throws InterruptedException {
        AgentCluster.await(() -> TARGETS.stream().allMatch(t -> {
            try {
                Path p = cluster.content(t).resolve(path);
                return Files.exists(p) && Files.readString(p).equals(content);
            } catch (java.io.IOException e) {
                return false;
            }
        }), path + " on every target", 60_000);
    }
}
