package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.distribution.Job;
import org.syncline.distribution.JobRun;
import org.syncline.distribution.client.JobsClient;

/**
 * The scheduled and manual recovery policies after a kill -9 of an intermediate agent mid-run (the immediate one:
 * {@link JobFailoverTest}), between a real master and four agents. The killed agent is out of date; restarted, it
 * stays so (the master heard from it after its hello, when an immediate recovery would have started) until the
 * policy's moment: with {@code manual} the admin's {@code job recover}, with {@code scheduled} the master's schedule
 * clock reaching the job's recover-at time (the clock is a file the test writes: {@code distribution.schedule-clock}).
 * Either way one run of trigger recovery catches up that agent only, every file with the source's SHA-256, no temp
 * file left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobRecoveryPoliciesTest {
    private Path clock;
    private AgentCluster cluster;

    @BeforeAll
    void start() throws Exception {
        clock = Files.createTempFile("syncline-itest-schedule-clock", ".txt");
        Files.writeString(clock, "2026-11-23T10:00:00Z");
        cluster = new AgentCluster("syncline-itest-recovery", MidRunKill.AGENTS, List.of("--set", "distribution.schedule-clock=" + clock));
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

    @Test
    void aManualRecoveryWaitsForTheAdminsJobRecover() throws Exception {
        MidRunKill kill = new MidRunKill(cluster, "manual", "manual-copy", Job.RECOVER_MANUAL, "");
        String dead = killRestartAndWait(kill);

        var recover = cluster.master.cli(AgentCluster.AS_ADMIN, "job", "recover", kill.job());
        assertEquals(0, recover.exitCode(), recover.stderr());
        assertTrue(recover.stdout().contains("(recovery) by admin"), recover.stdout());
        JobRun recovery = kill.assertRecovered(dead);
        assertEquals("admin", recovery.by());

        var nothing = cluster.master.cli(AgentCluster.AS_ADMIN, "job", "recover", kill.job());
        assertNotEquals(0, nothing.exitCode());
        assertTrue(nothing.stderr().contains("Job 'manual' is out of date on no target: there is nothing to recover."), nothing.stderr());
        assertEquals(List.of(), cluster.master.cli(AgentCluster.AS_ADMIN, "job", "recover", "no-such-job").stderr().lines()
                .filter(l -> l.contains("Exception") || l.startsWith("\tat ")).toList(), "no stack trace");
    }

    @Test
    void aScheduledRecoveryCatchesUpAtItsTime() throws Exception {
        MidRunKill kill = new MidRunKill(cluster, "scheduled", "scheduled-copy", Job.RECOVER_SCHEDULED, "11:00");
        String dead = killRestartAndWait(kill);

        Files.writeString(clock, "2026-11-23T11:00:30Z"); // past the job's recover-at time
        JobRun recovery = kill.assertRecovered(dead);
        assertEquals("", recovery.by(), "started by the schedule");
    }

    /**
     * Runs the job, kills its forwarding agent mid-run and restarts it; back online and heard from since its hello,
     * the agent is still out of date and no recovery run started. Returns its name.
     */
    private String killRestartAndWait(MidRunKill kill) throws Exception {
        String dead = kill.run().agent();
        cluster.restartAgent(dead);
        assertEquals(List.of(dead), kill.outOfDate());
        List<JobRun> log = new JobsClient(cluster.admin()).log(kill.job(), 5);
        assertEquals(List.of(JobRun.MANUAL), log.stream().map(JobRun::trigger).toList(), log.toString());
        return dead;
    }
}
