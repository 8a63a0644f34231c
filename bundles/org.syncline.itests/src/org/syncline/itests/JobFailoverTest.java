package org.syncline.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.syncline.distribution.Job;
import org.syncline.distribution.OutOfDateTarget;
import org.syncline.distribution.client.JobsClient;

/**
 * Failover between real processes: a master and four agents (src-1 sends to two targets, one of them forwards to
 * the third). The forwarding agent is killed with kill -9 while it receives: its child still gets every file, with
 * the right SHA-256, through another peer; the run ends partial; the killed agent is out of date for the job, also
 * after a restart of the master; when it comes back, the job's immediate recovery brings it up to date.
 * ({@link JobRecoveryPoliciesTest}: the same kill with the scheduled and manual policies.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobFailoverTest {
    private AgentCluster cluster;
    private MidRunKill kill;

    @BeforeAll
    void start() throws Exception {
        cluster = new AgentCluster("syncline-itest-failover", MidRunKill.AGENTS);
        kill = new MidRunKill(cluster, "bulk", "copy", Job.RECOVER_IMMEDIATE, "");
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aKilledForwardingAgentIsRoutedAroundAndCaughtUpWhenItReturns() throws Exception {
        MidRunKill.Killed killed = kill.run();
        String dead = killed.agent();
        var show = cluster.master.cli(AgentCluster.AS_ADMIN, "job", "show", kill.job());
        assertTrue(show.stdout().contains("out of date " + dead + " since run " + killed.run().id()), show.stdout());

        // the master keeps it across a restart
        cluster.restartMaster();
        JobsClient again = new JobsClient(cluster.admin());
        assertEquals(List.of(dead), again.outOfDate(kill.job()).stream().map(OutOfDateTarget::server).toList());
        cluster.awaitOnline(3);

        // it comes back: the immediate recovery catches it up, and only it
        cluster.agents.get(dead).start();
        kill.assertRecovered(dead);
    }
}
